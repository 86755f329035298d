// Vite plugin: bundles the session page's player script (src/lib/player/main.ts)
// with esbuild into one small es2019 file, and ships hls.js's light build
// (no subtitles or EME: captions come as WebVTT) beside it, both named by
// their content hash under /_app/immutable/player/ (a year-long immutable
// cache, as for the live script). The player script finds hls.js by its file
// name relative to its own URL, so both move together behind any CDN. The
// server learns the player script's path from `virtual:madang/player-script`.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const virtualId = 'virtual:madang/player-script';
const resolvedId = `\0${virtualId}`;
const folder = '_app/immutable/player';
const entry = fileURLToPath(new URL('../src/lib/player/main.ts', import.meta.url));
const hlsFile = createRequire(import.meta.url).resolve('hls.js/dist/hls.light.min.js');

/** @param {string} code */
const hashOf = (code) => createHash('sha256').update(code).digest('hex').slice(0, 12);

/**
 * The two files to serve: the player script and hls.js.
 * @returns {Promise<{ player: { code: string; fileName: string }; hls: { code: string; fileName: string } }>}
 */
export async function bundlePlayerScript() {
  const hlsCode = await readFile(hlsFile, 'utf8');
  const hlsName = `hls.light.${hashOf(hlsCode)}.js`;
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    define: { __MADANG_HLS_FILE__: JSON.stringify(hlsName) },
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } }
  });
  const code = result.outputFiles[0]?.text ?? '';
  return {
    player: { code, fileName: `${folder}/player.${hashOf(code)}.js` },
    hls: { code: hlsCode, fileName: `${folder}/${hlsName}` }
  };
}

/** @returns {import('vite').Plugin} */
export function playerScript() {
  /** @type {ReturnType<typeof bundlePlayerScript> | null} */
  let bundled = null;
  const current = () => (bundled ??= bundlePlayerScript());
  let root = process.cwd();
  let isServerBuild = false;
  return {
    name: 'madang-player-script',
    buildStart() {
      bundled = null;
    },
    resolveId(id) {
      return id === virtualId ? resolvedId : null;
    },
    async load(id) {
      if (id !== resolvedId) return null;
      const { player, hls } = await current();
      return `export const playerScriptPath = ${JSON.stringify(`/${player.fileName}`)};\nexport const hlsScriptPath = ${JSON.stringify(`/${hls.fileName}`)};`;
    },
    configResolved(config) {
      root = config.root;
      isServerBuild = Boolean(config.build.ssr);
    },
    // Written into SvelteKit's client output after its own writeBundle, as scripts/liveScript.js does.
    writeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (!isServerBuild) return;
        const { player, hls } = await current();
        for (const { code, fileName } of [player, hls]) {
          const file = join(root, '.svelte-kit', 'output', 'client', fileName);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, code);
        }
      }
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (file.startsWith(fileURLToPath(new URL('../src/lib/player/', import.meta.url)))) {
          bundled = null;
          const module = server.moduleGraph.getModuleById(resolvedId);
          if (module) server.moduleGraph.invalidateModule(module);
        }
      });
      server.middlewares.use(async (req, res, next) => {
        if (!req.url?.startsWith(`/${folder}/`)) return next();
        const { player, hls } = await current();
        const wanted = req.url.slice(1).split('?')[0];
        const file = [player, hls].find((f) => f.fileName === wanted);
        if (!file) return next();
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.end(file.code);
      });
    }
  };
}
