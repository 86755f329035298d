import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FfmpegMissingError, locateFfmpeg, parseVersion, systemFfmpegPath } from './ffmpegBinary.js';

const bundled = '/app/node_modules/@ffmpeg-installer/linux-x64/ffmpeg';

function locateWith(files: string[], env: Record<string, string> = {}) {
  const lines: string[] = [];
  const binary = locateFfmpeg({
    env,
    exists: (path) => files.includes(path),
    bundledPath: () => bundled,
    readVersion: () => 'ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers',
    log: { info: (_fields: unknown, line: string) => lines.push(line) } as never
  });
  return { binary, lines };
}

describe('locateFfmpeg', () => {
  it("prefers Debian's ffmpeg to the bundled one and says so in one line", () => {
    const { binary, lines } = locateWith([systemFfmpegPath, bundled]);
    expect(binary).toMatchObject({ path: systemFfmpegPath, source: 'system', version: '5.1.6' });
    expect(lines).toEqual(['using ffmpeg 5.1.6 from Debian (/usr/bin/ffmpeg)']);
  });

  it('falls back to the binary of @ffmpeg-installer/ffmpeg', () => {
    const { binary, lines } = locateWith([bundled]);
    expect(binary.source).toBe('bundled');
    expect(binary.path).toBe(bundled);
    expect(lines[0]).toContain('from the npm package @ffmpeg-installer/ffmpeg');
  });

  it('uses FFMPEG_PATH first, and refuses one that points nowhere', () => {
    expect(locateWith(['/opt/ffmpeg', systemFfmpegPath], { FFMPEG_PATH: '/opt/ffmpeg' }).binary.source).toBe(
      'configured'
    );
    expect(() => locateWith([systemFfmpegPath], { FFMPEG_PATH: '/opt/nothing' })).toThrow(
      /FFMPEG_PATH is set to \/opt\/nothing/
    );
  });

  it('tells how to install ffmpeg when there is none', () => {
    try {
      locateWith([]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FfmpegMissingError);
      expect((error as FfmpegMissingError).code).toBe('media.ffmpeg_missing');
      expect((error as Error).message).toContain('sudo apt-get install ffmpeg');
    }
  });

  it('reads versions of Debian and static builds', () => {
    expect(parseVersion('ffmpeg version 5.1.9-0+deb12u1 Copyright')).toBe('5.1.9');
    expect(parseVersion('ffmpeg version N-47683-g0e8eb07980-static https://')).toBe('N-47683-g0e8eb07980-static');
    expect(parseVersion('')).toBe('unknown');
  });

  it.skipIf(!existsSync(systemFfmpegPath))("runs the machine's real ffmpeg and reads its features once", async () => {
    const binary = locateFfmpeg({ env: {} });
    expect(binary.version).toMatch(/^\d+\.\d+/);
    const features = await binary.features();
    expect(features).toEqual({ libx264: true, drawtext: true });
    expect(binary.features()).toBe(binary.features());
  });
});
