/**
 * Where a stage's HLS files live under `<dataDir>/broadcast/` and the URLs
 * they are served at, in one place so the splicer that writes them and the
 * HTTP handler that serves them never disagree:
 *
 *   <stageId>/live/master.m3u8, <stageId>/live/<rendition>.m3u8   the live window
 *   <stageId>/segments/<rendition>/<seq>.ts                       every segment, source and slate
 *   <stageId>/state.json, <stageId>/recordings/<sessionId>.jsonl  the splicer's own memory
 *   replays/<sessionId>/master.m3u8, replays/<sessionId>/<rendition>.m3u8
 */
import { join } from 'node:path';
import type { RenditionName } from '../../domain/broadcast/renditions.js';

/** Stage and session ids as they appear in paths: lowercase, no dots or slashes, so never a traversal. */
export const broadcastIdPattern = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** The folder name replays live in; a stage may not take it. */
export const replaysFolder = 'replays';

export function isBroadcastId(value: string): boolean {
  return broadcastIdPattern.test(value);
}

export function broadcastRoot(dataDir: string): string {
  return join(dataDir, 'broadcast');
}

export function stageDir(dataDir: string, stageId: string): string {
  return join(broadcastRoot(dataDir), stageId);
}

export function replayDir(dataDir: string, sessionId: string): string {
  return join(broadcastRoot(dataDir), replaysFolder, sessionId);
}

/** The URL a replay playlist names a segment by: absolute, as the replay lives in another folder. */
export function segmentUrl(stageId: string, rendition: RenditionName, seq: number): string {
  return `/broadcast/${stageId}/segments/${rendition}/${seq}.ts`;
}

/** The live master playlist's URL, for the player and the session page. */
export function liveMasterUrl(stageId: string): string {
  return `/broadcast/${stageId}/live/master.m3u8`;
}

/** The replay master playlist's URL. */
export function replayMasterUrl(sessionId: string): string {
  return `/broadcast/${replaysFolder}/${sessionId}/master.m3u8`;
}
