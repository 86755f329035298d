/**
 * A stage's stream without the rest of the forum, for the player's browser
 * test: ffmpeg makes HLS the way the stage encoder publishes it (a master
 * playlist over 720p, 360p and audio-only renditions, 1 s segments), and a
 * loopback HTTP server serves it with the player's assets (built by the same
 * function as the Vite plugin) and pages holding the LivePlayer component
 * rendered by `svelte/server`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Component } from 'svelte';
import { createServer as createViteServer } from 'vite';
import { bundlePlayerScript } from '../../tooling/playerScript.js';

const root = new URL('../../', import.meta.url).pathname;
export const ffmpegPath = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg';

/** ffmpeg arguments for the three renditions of a test pattern with a tone, as HLS into `dir`. */
function hlsArguments(dir: string, options: { live: boolean; seconds?: number }): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    ...(options.live ? ['-re'] : []),
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=640x360:rate=15${options.seconds ? `:duration=${options.seconds}` : ''}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=48000${options.seconds ? `:duration=${options.seconds}` : ''}`,
    '-filter_complex',
    '[0:v]split=2[a][b];[a]scale=1280:720[v720];[b]null[v360]',
    '-map',
    '[v720]',
    '-map',
    '[v360]',
    '-map',
    '1:a',
    '-map',
    '1:a',
    '-map',
    '1:a',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'zerolatency',
    '-pix_fmt',
    'yuv420p',
    '-g',
    '15',
    '-keyint_min',
    '15',
    '-sc_threshold',
    '0',
    '-b:v:0',
    '1200k',
    '-b:v:1',
    '400k',
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    '-ac',
    '2',
    '-f',
    'hls',
    '-hls_time',
    '1',
    ...(options.live
      ? ['-hls_list_size', '6', '-hls_flags', 'delete_segments+independent_segments+program_date_time']
      : ['-hls_list_size', '0', '-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments']),
    '-master_pl_name',
    'master.m3u8',
    '-var_stream_map',
    'v:0,a:0,name:720p v:1,a:1,name:360p a:2,name:audio',
    '-hls_segment_filename',
    join(dir, '%v', 'segment%d.ts'),
    join(dir, '%v', 'index.m3u8')
  ];
}

function run(args: string[]): ChildProcess {
  if (!existsSync(ffmpegPath))
    throw new Error(`ffmpeg is not installed at ${ffmpegPath}. Install it with: sudo apt-get install -y ffmpeg`);
  const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`ffmpeg: ${chunk.toString()}`));
  return child;
}

/** Waits until `check` holds, or fails after `ms` saying what it waited for. */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const segmentsIn = (file: string) =>
  existsSync(file) ? (readFileSync(file, 'utf8').match(/#EXTINF/g) ?? []).length : 0;

/** A live stream that runs until stopped: resolves once every rendition has three segments. */
export async function startLiveStream(dir: string): Promise<ChildProcess> {
  const child = run(hlsArguments(dir, { live: true }));
  await until(
    'the live stream’s first segments',
    () =>
      existsSync(join(dir, 'master.m3u8')) &&
      ['720p', '360p', 'audio'].every((name) => segmentsIn(join(dir, name, 'index.m3u8')) >= 3)
  );
  return child;
}

/** A finished replay of `seconds` seconds (a VOD playlist) and its chapters file. */
export async function makeReplay(dir: string, seconds: number, chapters: string): Promise<void> {
  const child = run(hlsArguments(dir, { live: false, seconds }));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`ffmpeg could not make the replay (exit ${code})`);
  await writeFile(join(dir, 'chapters.vtt'), chapters);
}

const types: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.vtt': 'text/vtt; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8'
};

export interface Harness {
  url: string;
  /** While true, every `/media/` request fails with 503: the stream's server is gone. */
  setMediaDown(down: boolean): void;
  /** Puts a page at `path` holding the player with these props (the script URL is filled in). */
  page(path: string, props: Record<string, unknown>, lang?: string): Promise<void>;
  stop(): Promise<void>;
}

/** Serves `/media/*` from `mediaDir`, the player's assets, and the pages made with `page()`. */
export async function startHarness(mediaDir: string): Promise<Harness> {
  const { player, hls } = await bundlePlayerScript();
  const assets = new Map([player, hls].map((file) => [`/${file.fileName}`, file.code]));
  const pages = new Map<string, string>();
  let mediaDown = false;
  // Vite compiles the component (TypeScript, $lib imports) as SvelteKit would, styles inlined into the head.
  const vite = await createViteServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    resolve: { alias: { $lib: join(root, 'src/lib') } },
    plugins: [svelte({ configFile: false, compilerOptions: { css: 'injected' } })]
  });
  const { render } = (await vite.ssrLoadModule('svelte/server')) as typeof import('svelte/server');
  // Props are checked where pages are made (the test's fixtures), not through Vite's untyped module loader.
  const LivePlayer = (
    (await vite.ssrLoadModule('/src/lib/ui/live/LivePlayer.svelte')) as { default: Component<Record<string, unknown>> }
  ).default;
  const appCss = await readFile(join(root, 'src/app.css'), 'utf8');

  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const page = pages.get(path);
    const asset = assets.get(path);
    if (page !== undefined || asset !== undefined) {
      res.writeHead(200, {
        'content-type': page !== undefined ? 'text/html; charset=utf-8' : types['.js']!,
        'cache-control': 'no-store'
      });
      return res.end(page ?? asset);
    }
    const file = normalize(join(mediaDir, path.replace(/^\/media\//, '')));
    if (mediaDown && path.startsWith('/media/')) {
      res.writeHead(503).end();
      return;
    }
    if (!path.startsWith('/media/') || !file.startsWith(mediaDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        // As the stage server does: playlists never cached, segments for long.
        const playlist = extname(file) === '.m3u8';
        res.writeHead(200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'cache-control': playlist ? 'no-cache' : 'public, max-age=31536000, immutable'
        });
        res.end(body);
      },
      () => res.writeHead(404).end()
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await mkdir(mediaDir, { recursive: true });

  return {
    url,
    setMediaDown(down) {
      mediaDown = down;
    },
    async page(path, props, lang = 'en') {
      const { head, body } = render(LivePlayer, {
        props: { playerScriptUrl: `/${player.fileName}`, locale: lang, ...props }
      });
      pages.set(
        path,
        `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>Keynote · Player</title><style>${appCss}</style>${head}</head>` +
          `<body><main class="container"><h1>Keynote</h1><section aria-labelledby="stage"><h2 id="stage">Live stage</h2>${body}</section></main></body></html>`
      );
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await vite.close();
    }
  };
}

/** Ends ffmpeg and waits for it, killing it when it does not stop within a second. */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 1_000);
  await exited;
  clearTimeout(timer);
}
