// What the session page's own scripts (the live script, the player script)
// share: one esbuild bundle each (es2019, minified, no framework), named by
// its content hash under /_app/immutable/<folder>/ (adapter-node serves that
// with a year-long immutable cache), written into SvelteKit's client output
// after its own writeBundle (the adapter copies it at closeBundle), served
// fresh by the dev server, and their paths told to the server through a
// virtual module.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

/** @param {string} code */
export const hashOf = (code) => createHash('sha256').update(code).digest('hex').slice(0, 12);

/**
 * @param {string} entry  absolute path of the script's main.ts
 * @param {Record<string, string>} [define]  esbuild's `define`
 * @returns {Promise<string>}
 */
export async function bundlePageScript(entry, define = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    define,
    // Plain assignments instead of defineProperty helpers: smaller, same behaviour for these classes.
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } }
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * @typedef {{ code: string; fileName: string }} ScriptFile  `fileName` relative to the site's root, e.g. `_app/immutable/live/live.<hash>.js`
 * @param {{
 *   name: string;
 *   virtualId: string;
 *   sourceDir: string;
 *   folder: string;
 *   files: () => Promise<ScriptFile[]>;
 *   exports: (files: ScriptFile[]) => string;
 * }} options  `sourceDir`: a change under it rebuilds in dev; `exports`: the virtual module's code
 * @returns {import('vite').Plugin}
 */
export function pageScriptPlugin(options) {
  const resolvedId = `\0${options.virtualId}`;
  /** @type {Promise<ScriptFile[]> | null} */
  let bundled = null;
  const current = () => (bundled ??= options.files());
  let root = process.cwd();
  let isServerBuild = false;
  return {
    name: options.name,
    buildStart() {
      bundled = null;
    },
    resolveId(id) {
      return id === options.virtualId ? resolvedId : null;
    },
    async load(id) {
      return id === resolvedId ? options.exports(await current()) : null;
    },
    configResolved(config) {
      root = config.root;
      isServerBuild = Boolean(config.build.ssr);
    },
    writeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (!isServerBuild) return;
        for (const { code, fileName } of await current()) {
          const file = join(root, '.svelte-kit', 'output', 'client', fileName);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, code);
        }
      }
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (!file.startsWith(options.sourceDir)) return;
        bundled = null;
        const module = server.moduleGraph.getModuleById(resolvedId);
        if (module) server.moduleGraph.invalidateModule(module);
      });
      server.middlewares.use(async (req, res, next) => {
        if (!req.url?.startsWith(`/${options.folder}/`)) return next();
        const wanted = req.url.slice(1).split('?')[0];
        const file = (await current()).find((f) => f.fileName === wanted);
        if (!file) return next();
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.end(file.code);
      });
    }
  };
}
