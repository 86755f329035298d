/**
 * The renditions every live stage is published in: two video ladders and an
 * audio-only one for slow networks (issue 5). The encoder reads the sizes and
 * bitrates from here, the master playlist its BANDWIDTH/CODECS, so the two
 * never disagree.
 */
export const renditionNames = ['720p', '360p', 'audio'] as const;
export type RenditionName = (typeof renditionNames)[number];

export interface Rendition {
  readonly name: RenditionName;
  /** Null for the audio-only rendition. */
  readonly video: { readonly width: number; readonly height: number; readonly kbps: number } | null;
  readonly audioKbps: number;
  /** RFC 6381 codec strings for the master playlist's CODECS attribute. */
  readonly codecs: string;
}

export const renditions: readonly Rendition[] = [
  { name: '720p', video: { width: 1280, height: 720, kbps: 2500 }, audioKbps: 128, codecs: 'avc1.64001f,mp4a.40.2' },
  { name: '360p', video: { width: 640, height: 360, kbps: 800 }, audioKbps: 96, codecs: 'avc1.4d401e,mp4a.40.2' },
  { name: 'audio', video: null, audioKbps: 96, codecs: 'mp4a.40.2' }
];

/** Target segment length in seconds: short enough for a glass-to-glass time under 4 s. */
export const segmentSeconds = 1;

export function isRenditionName(value: unknown): value is RenditionName {
  return typeof value === 'string' && (renditionNames as readonly string[]).includes(value);
}
