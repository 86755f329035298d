// Vite plugin: the session page's live script (src/lib/live/main.ts), bundled
// into /_app/immutable/live/live.<hash>.js; the server learns its path from
// `virtual:madang/live-script` (see pageScript.js).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePageScript, hashOf, pageScriptPlugin } from './pageScript.js';

const folder = '_app/immutable/live';
const sourceDir = fileURLToPath(new URL('../src/lib/live/', import.meta.url));

/** @returns {Promise<{ code: string; fileName: string }>} */
export async function bundleLiveScript() {
  const code = await bundlePageScript(join(sourceDir, 'main.ts'));
  return { code, fileName: `${folder}/live.${hashOf(code)}.js` };
}

/** @returns {import('vite').Plugin} */
export function liveScript() {
  return pageScriptPlugin({
    name: 'madang-live-script',
    virtualId: 'virtual:madang/live-script',
    sourceDir,
    folder,
    files: async () => [await bundleLiveScript()],
    exports: ([live]) => `export const liveScriptPath = ${JSON.stringify(`/${live?.fileName}`)};`
  });
}
