// Vite plugin: the session page's player script (src/lib/player/main.ts)
// bundled into /_app/immutable/player/player.<hash>.js, with hls.js's light
// build (no subtitles or EME: captions come as WebVTT) beside it, also named
// by its content. The player script finds hls.js by its file name relative to
// its own URL, so both move together behind any CDN. The server learns the
// player script's path from `virtual:madang/player-script` (see pageScript.js).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePageScript, hashOf, pageScriptPlugin } from './pageScript.js';

const folder = '_app/immutable/player';
const sourceDir = fileURLToPath(new URL('../src/lib/player/', import.meta.url));
const hlsFile = createRequire(import.meta.url).resolve('hls.js/dist/hls.light.min.js');

/**
 * The two files to serve: the player script and hls.js.
 * @returns {Promise<{ player: { code: string; fileName: string }; hls: { code: string; fileName: string } }>}
 */
export async function bundlePlayerScript() {
  const hlsCode = await readFile(hlsFile, 'utf8');
  const hlsName = `hls.light.${hashOf(hlsCode)}.js`;
  const code = await bundlePageScript(join(sourceDir, 'main.ts'), { __MADANG_HLS_FILE__: JSON.stringify(hlsName) });
  return {
    player: { code, fileName: `${folder}/player.${hashOf(code)}.js` },
    hls: { code: hlsCode, fileName: `${folder}/${hlsName}` }
  };
}

/** @returns {import('vite').Plugin} */
export function playerScript() {
  return pageScriptPlugin({
    name: 'madang-player-script',
    virtualId: 'virtual:madang/player-script',
    sourceDir,
    folder,
    files: async () => {
      const { player, hls } = await bundlePlayerScript();
      return [player, hls];
    },
    exports: ([player, hls]) =>
      `export const playerScriptPath = ${JSON.stringify(`/${player?.fileName}`)};\nexport const hlsScriptPath = ${JSON.stringify(`/${hls?.fileName}`)};`
  });
}
