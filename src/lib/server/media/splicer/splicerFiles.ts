/**
 * The stage folder's segment files and the three ways the splicer writes a
 * file: atomically (playlists, state), moved (the encoder's segments) and
 * linked (the slate). Every part of the splicer names a segment through
 * `segmentPath`, so the layout is written down once. Its JSON files are read
 * back through `parseJson` and a schema.
 */
import { copyFile, link, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenditionName } from '../../../domain/broadcast/renditions.js';

/** `<stage dir>/segments/<rendition>/`: every published segment, numbered by the stage. */
export function segmentsDir(dir: string, name: RenditionName): string {
  return join(dir, 'segments', name);
}

export function segmentPath(dir: string, name: RenditionName, seq: number): string {
  return join(segmentsDir(dir, name), `${seq}.ts`);
}

/** A segment as a live playlist in `<stage dir>/live/` points at it. */
export function liveSegmentUri(name: RenditionName, seq: number): string {
  return `../segments/${name}/${seq}.ts`;
}

let tempCount = 0;

/** Write beside, then rename: a reader opens either the old whole file or the new whole file. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${++tempCount}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}

/** Rename, or copy and delete when the encoder writes on another file system. */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
    await unlink(from);
  }
}

/** A hard link costs no space for the slate's hundreds of repeats; a copy where links are not allowed. */
export async function linkFile(from: string, to: string): Promise<void> {
  await rm(to, { force: true });
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
    await copyFile(from, to);
  }
}

/** JSON, or undefined for text that is not (a schema then refuses it). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
