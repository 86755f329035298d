/**
 * For tests and benches: an `IngestFeed` made by ffmpeg itself, a test
 * pattern with a tone at real-time pace, as OBS (FLV, H.264 + AAC) or a
 * browser's MediaRecorder (WebM, VP8 + Opus) would send it. Small (640x360,
 * 15 fps, ultrafast) so it runs beside other work on a 2-core machine. The
 * caller must `close()` it, which kills the generating ffmpeg.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { IngestFeed } from '../broadcastPorts.js';

export interface TestPatternFeed extends IngestFeed {
  readonly process: ChildProcess;
}

export interface TestPatternOptions {
  readonly ffmpegPath: string;
  readonly seconds: number;
  readonly format?: 'flv' | 'webm';
  readonly stageId?: string;
  /** Pace the output like a live source (`-re`). Default true. */
  readonly realtime?: boolean;
  /** Picture size of the source. Default 640x360. */
  readonly size?: string;
  /** Seconds between keyframes. Default 1. */
  readonly keyframeSeconds?: number;
  /** With a tone (default), or picture only, as an encoder without an audio device sends it (FLV only). */
  readonly audio?: boolean;
}

export function testPatternFeed({
  ffmpegPath,
  seconds,
  format = 'flv',
  stageId = 'stage-test',
  realtime = true,
  size = '640x360',
  keyframeSeconds = 1,
  audio = true
}: TestPatternOptions): TestPatternFeed {
  const video =
    format === 'flv'
      ? [
          '-c:v',
          'libx264',
          '-preset',
          'ultrafast',
          '-tune',
          'zerolatency',
          '-g',
          String(15 * keyframeSeconds),
          '-pix_fmt',
          'yuv420p'
        ]
      : ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-g', '15', '-b:v', '500k'];
  const tone = audio ? ['-c:a', format === 'flv' ? 'aac' : 'libopus'] : [];
  const args = [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    ...(realtime ? ['-re'] : []),
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${size}:rate=15`,
    ...(audio ? ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'] : []),
    '-t',
    String(seconds),
    ...video,
    ...tone,
    '-f',
    format,
    'pipe:1'
  ];
  const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  return {
    stageId,
    via: format === 'flv' ? 'rtmp' : 'browser',
    format,
    stream: child.stdout!,
    description: `test pattern (${format}, ${seconds} s)`,
    process: child,
    close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
}
