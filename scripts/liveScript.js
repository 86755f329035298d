// Vite plugin: bundles the session page's live script (src/lib/live/main.ts)
// with esbuild into one small es2019 file named by its content hash under
// /_app/immutable/live/ (served with a year-long immutable cache by
// adapter-node; written into SvelteKit's client output), and tells the server its path through the virtual module
// `virtual:madang/live-script`. The dev server serves the same path fresh.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const virtualId = 'virtual:madang/live-script';
const resolvedId = `\0${virtualId}`;
const entry = fileURLToPath(new URL('../src/lib/live/main.ts', import.meta.url));

/** @returns {Promise<{ code: string; fileName: string }>} */
export async function bundleLiveScript() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    // Plain assignments instead of defineProperty helpers: smaller, same behaviour for these classes.
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } }
  });
  const code = result.outputFiles[0]?.text ?? '';
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  return { code, fileName: `_app/immutable/live/live.${hash}.js` };
}

/** @returns {import('vite').Plugin} */
export function liveScript() {
  /** @type {Promise<{ code: string; fileName: string }> | null} */
  let bundled = null;
  const current = () => (bundled ??= bundleLiveScript());
  let root = process.cwd();
  let isServerBuild = false;
  return {
    name: 'madang-live-script',
    buildStart() {
      bundled = null;
    },
    resolveId(id) {
      return id === virtualId ? resolvedId : null;
    },
    async load(id) {
      if (id !== resolvedId) return null;
      const { fileName } = await current();
      return `export const liveScriptPath = ${JSON.stringify(`/${fileName}`)};`;
    },
    configResolved(config) {
      root = config.root;
      isServerBuild = Boolean(config.build.ssr);
    },
    // SvelteKit's own writeBundle (server build) makes the client output; the adapter then
    // copies .svelte-kit/output/client, files of other plugins included, at closeBundle.
    writeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (!isServerBuild) return;
        const { code, fileName } = await current();
        const file = join(root, '.svelte-kit', 'output', 'client', fileName);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, code);
      }
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (file.startsWith(fileURLToPath(new URL('../src/lib/live/', import.meta.url)))) {
          bundled = null;
          const module = server.moduleGraph.getModuleById(resolvedId);
          if (module) server.moduleGraph.invalidateModule(module);
        }
      });
      server.middlewares.use(async (req, res, next) => {
        if (!req.url?.startsWith('/_app/immutable/live/')) return next();
        const { code } = await current();
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.end(code);
      });
    }
  };
}
