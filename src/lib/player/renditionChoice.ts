/**
 * Which rendition plays: the master playlist's variants (hls.js drops an
 * audio-only variant when video ones exist, so the player reads the master
 * itself and plays the audio playlist as its own source), and the hls.js
 * level for a quality the viewer picked.
 */
export type Quality = 'auto' | '720p' | '360p';

export interface Variant {
  url: string;
  /** Picture height from RESOLUTION, or null for the audio-only variant. */
  height: number | null;
}

/** The variants of a master playlist, URLs resolved against the playlist's own URL. */
export function parseMaster(text: string, masterUrl: string): Variant[] {
  const variants: Variant[] = [];
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  lines.forEach((line, index) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return;
    const uri = lines.slice(index + 1).find((next) => next !== '' && !next.startsWith('#'));
    if (!uri) return;
    const resolution = /RESOLUTION=(\d+)x(\d+)/.exec(line);
    variants.push({ url: new URL(uri, masterUrl).href, height: resolution ? Number(resolution[2]) : null });
  });
  return variants;
}

export function audioVariant(variants: readonly Variant[]): Variant | null {
  return variants.find((variant) => variant.height === null) || null;
}

/** The rendition name a level or variant shows as (`720p`, `360p`, `audio`). */
export function renditionName(height: number | null | undefined): string {
  return height ? `${height}p` : 'audio';
}

/** hls.js level index for a quality: -1 (automatic) for `auto` or when no level has that height. */
export function levelFor(levels: readonly { height: number }[], quality: Quality): number {
  if (quality === 'auto') return -1;
  const height = Number(quality.replace('p', ''));
  return levels.findIndex((level) => level.height === height);
}

export function isQuality(value: string | null): value is Quality {
  return value === 'auto' || value === '720p' || value === '360p';
}
