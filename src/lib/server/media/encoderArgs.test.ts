import { describe, expect, it } from 'vitest';
import { encoderArgs } from './encoderArgs.js';

describe('encoder arguments', () => {
  it('copies the video into 720p on the copy path and encodes it otherwise', () => {
    const copy = encoderArgs({ path: 'copy', input: 'flv', workDir: '/w' }).join(' ');
    const transcode = encoderArgs({ path: 'transcode', input: 'webm', workDir: '/w' }).join(' ');
    expect(copy).toContain('-map 0:v:0 -map 0:a:0 -c:v copy');
    expect(transcode).toContain('-f matroska -i pipe:0');
    expect(transcode).toContain('-map [hd] -map 0:a:0 -c:v libx264');
    expect(transcode).toContain('segment_list=pipe\\\\:4');
    expect(transcode).toContain('/w/720p/%d.ts|[f=flv:onfail=ignore:flvflags=no_duration_filesize]pipe:3');
  });
});
