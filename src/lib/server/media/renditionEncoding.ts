/**
 * The ffmpeg arguments that make one rendition, shared by the stage encoder
 * and the slate so that a slate segment spliced in after an
 * EXT-X-DISCONTINUITY has the very codecs, profile, size and audio format the
 * player was already decoding. The H.264 profile and level are read from the
 * rendition's RFC 6381 codec string, so the master playlist's CODECS never
 * disagrees with the bytes.
 */
import { segmentSeconds, type Rendition } from '../../domain/broadcast/renditions.js';

/** AAC at 48 kHz stereo for every rendition: browsers' MSE refuses a sample-rate change mid-stream less gracefully. */
export const audioSampleRate = 48_000;
export const audioChannels = 2;

const profileNames: Record<number, string> = { 0x42: 'baseline', 0x4d: 'main', 0x64: 'high' };

/** `avc1.64001f` → `{ profile: 'high', level: '3.1' }`. */
export function h264ProfileOf(codecs: string): { profile: string; level: string } {
  const match = /avc1\.([0-9a-f]{2})[0-9a-f]{2}([0-9a-f]{2})/i.exec(codecs);
  if (!match) throw new Error(`No H.264 codec in "${codecs}"`);
  const profile = profileNames[parseInt(match[1]!, 16)];
  if (!profile) throw new Error(`Unknown H.264 profile in "${codecs}"`);
  const level = parseInt(match[2]!, 16);
  return { profile, level: `${Math.floor(level / 10)}.${level % 10}` };
}

/** Scales and letterboxes any source to the rendition's exact size (square pixels, 4:2:0). */
export function scaleFilter(rendition: Rendition): string {
  if (!rendition.video) throw new Error(`${rendition.name} has no video`);
  const { width, height } = rendition.video;
  return `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p`;
}

/**
 * x264 for live: no lookahead or B-frames (zerolatency), a keyframe exactly on
 * every segment boundary and none elsewhere (sc_threshold 0), so the
 * renditions cut at the same instants; SPS/PPS repeated on every keyframe so
 * each segment decodes on its own even when the output asks for global headers.
 */
export function videoEncodingArgs(rendition: Rendition): string[] {
  if (!rendition.video) throw new Error(`${rendition.name} has no video`);
  const { profile, level } = h264ProfileOf(rendition.codecs);
  const kbps = rendition.video.kbps;
  return [
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-tune',
    'zerolatency',
    '-profile:v',
    profile,
    '-level:v',
    level,
    '-pix_fmt',
    'yuv420p',
    '-b:v',
    `${kbps}k`,
    '-maxrate',
    `${kbps}k`,
    '-bufsize',
    `${kbps * 2}k`,
    '-force_key_frames',
    `expr:gte(t,n_forced*${segmentSeconds})`,
    '-sc_threshold',
    '0',
    '-x264-params',
    'repeat-headers=1'
  ];
}

export function audioEncodingArgs(rendition: Rendition): string[] {
  return [
    '-c:a',
    'aac',
    '-b:a',
    `${rendition.audioKbps}k`,
    '-ar',
    String(audioSampleRate),
    '-ac',
    String(audioChannels)
  ];
}
