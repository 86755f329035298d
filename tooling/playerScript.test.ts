import { describe, expect, it } from 'vitest';
import { bundlePlayerScript } from './playerScript.js';

describe('the player script bundle', () => {
  it('stays within 8 KiB minified (hls.js apart) and names both files by their content', async () => {
    const { player, hls } = await bundlePlayerScript();
    const bytes = Buffer.byteLength(player.code);
    console.log(
      `player script: ${bytes} bytes minified (${(bytes / 1024).toFixed(1)} KiB); hls.js light: ${Math.round(Buffer.byteLength(hls.code) / 1024)} KiB, loaded only where needed`
    );
    expect(bytes).toBeLessThanOrEqual(8 * 1024);
    expect(player.fileName).toMatch(/^_app\/immutable\/player\/player\.[0-9a-f]{12}\.js$/);
    expect(hls.fileName).toMatch(/^_app\/immutable\/player\/hls\.light\.[0-9a-f]{12}\.js$/);
    // The player finds hls.js beside itself by that exact name.
    expect(player.code).toContain(JSON.stringify(hls.fileName.split('/').pop()));
    expect(player.code).not.toContain('__MADANG_HLS_FILE__');
  });
});
