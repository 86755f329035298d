/**
 * How far a live viewer is behind the live edge, and how the player says it.
 * The edge is the end of the seekable range (hls.js keeps it at the end of the
 * live playlist); a viewer within `atLiveSeconds` of it is "at live": two 1 s
 * segments of hls.js's sync distance plus one for the playlist refresh.
 */
export const atLiveSeconds = 4;

/** Whole seconds behind the live edge, never negative; null when the edge is unknown. */
export function secondsBehindLive(edge: number | null, currentTime: number): number | null {
  if (edge === null || !isFinite(edge) || !isFinite(currentTime)) return null;
  return Math.max(0, Math.round(edge - currentTime));
}

export function isAtLive(behind: number | null): boolean {
  return behind === null || behind <= atLiveSeconds;
}

/** Fills `{seconds}` in the page's sentence ("Behind live: {seconds} s"), in whole seconds however long. */
export function behindLiveText(template: string, behind: number): string {
  return template.replace('{seconds}', String(behind));
}
