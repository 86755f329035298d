/**
 * The stage encoder's ffmpeg command line, built as a pure function so tests
 * compare it: one input on stdin, the 720p rendition copied or encoded and
 * written twice by the tee muxer (segments, and the program FLV on fd 3),
 * 360p and audio-only encoded, each rendition's segment list on its own fd
 * (4, 5, 6, in the order of `renditions`).
 */
import { join } from 'node:path';
import { renditions, segmentSeconds, type Rendition, type RenditionName } from '../../domain/broadcast/renditions.js';
import { audioEncodingArgs, scaleFilter, videoEncodingArgs } from './renditionEncoding.js';

/** Whether the source's H.264 becomes the 720p rendition as it is (`copy`) or everything is encoded. */
export type EncoderPath = 'copy' | 'transcode';

/** fd 3 carries the program FLV; fd 4, 5, 6 the segment lists of the renditions, in the order of `renditions`. */
export const programFd = 3;
export const firstListFd = 4;

/** The whole ffmpeg command line after the binary: one input on stdin, one output per rendition, the program on fd 3. */
export function encoderArgs({
  path,
  input,
  workDir
}: {
  path: EncoderPath;
  input: 'flv' | 'webm';
  workDir: string;
}): string[] {
  const named = (name: RenditionName) => renditions.find((rendition) => rendition.name === name)!;
  const [hd, sd, audio] = [named('720p'), named('360p'), named('audio')];
  // Segment lists go to fds in the order of `renditions`, as the encoder reads them.
  const listFd = (rendition: Rendition) => firstListFd + renditions.indexOf(rendition);
  const segmentOptions = (fd: number) => ({
    segment_time: String(segmentSeconds),
    segment_format: 'mpegts',
    segment_list: `pipe:${fd}`,
    segment_list_type: 'csv'
  });
  const target = (rendition: Rendition) => join(workDir, rendition.name, '%d.ts');
  const segmentOutput = (rendition: Rendition, fd: number) => [
    '-f',
    'segment',
    ...Object.entries(segmentOptions(fd)).flatMap(([key, value]) => [`-${key}`, value]),
    target(rendition)
  ];
  const filters =
    path === 'copy'
      ? `[0:v]${scaleFilter(sd)}[sd]`
      : `[0:v]split=2[hdin][sdin];[hdin]${scaleFilter(hd)}[hd];[sdin]${scaleFilter(sd)}[sd]`;
  // The 720p encode is made once and written twice (segments and program) by the tee muxer; the program side
  // may fail (nobody reading) without stopping the site's segments. Tee options are escaped twice: once for
  // the tee's own list, once for the slave's options.
  const teeSegment = Object.entries(segmentOptions(listFd(hd)))
    .map(([key, value]) => `${key}=${value.replace(/:/g, '\\\\:')}`)
    .join(':');
  const tee = `[f=segment:${teeSegment}]${target(hd)}|[f=flv:onfail=ignore:flvflags=no_duration_filesize]pipe:${programFd}`;
  return [
    '-hide_banner',
    '-nostats',
    '-loglevel',
    'info',
    // FLV and WebM name their codecs in their headers; ffmpeg's default 5 s of probing would hold back the
    // first segment by about 1.5 s, and every segment after it until a loaded machine catches up.
    '-probesize',
    '262144',
    '-analyzeduration',
    '500000',
    '-f',
    input === 'flv' ? 'flv' : 'matroska',
    '-i',
    'pipe:0',
    '-filter_complex',
    filters,
    '-max_muxing_queue_size',
    '1024',
    // 720p: copied or encoded, then segments and program.
    '-map',
    path === 'copy' ? '0:v:0' : '[hd]',
    '-map',
    '0:a:0',
    ...(path === 'copy' ? ['-c:v', 'copy'] : videoEncodingArgs(hd)),
    ...audioEncodingArgs(hd),
    '-flags',
    '+global_header',
    '-f',
    'tee',
    tee,
    // 360p.
    '-map',
    '[sd]',
    '-map',
    '0:a:0',
    ...videoEncodingArgs(sd),
    ...audioEncodingArgs(sd),
    ...segmentOutput(sd, listFd(sd)),
    // Audio only.
    '-map',
    '0:a:0',
    ...audioEncodingArgs(audio),
    ...segmentOutput(audio, listFd(audio))
  ];
}
