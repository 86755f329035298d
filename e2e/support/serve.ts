/**
 * Test-only entry: starts the real app (the same `buildApp` as server.ts) on
 * a loopback port with a throwaway embedded database and the demo, attaches
 * the real-time hub at `/live`, and prints its address as one JSON line.
 *
 * - `MADANG_TEST_CLOCK` pins "now" so tests can visit the forum while it is live.
 * - `MADANG_TEST_PHOTO_DIR` keeps uploaded photos in that directory instead of memory.
 * - `MADANG_TEST_DATA_DIR` keeps the embedded database (PGlite) on disk there, so a
 *   restart after `crash()` finds what was committed.
 * - `MADANG_TEST_PORT` listens on that port (a restart keeps the URL).
 * - `MADANG_TEST_UNLIMITED=1` allows every participation (no rate limits) for load and fault tests.
 * - `MADANG_TEST_RTMP=1` listens for RTMP on a free loopback port and prints it as `rtmpPort`.
 * - `MADANG_TEST_LIVE_POKE=1` accepts `POST /__test/live-poke?channel=…&name=…`, which adds an
 *   outbox event and wakes the relay: the path a service takes, without a feature behind it.
 * - `MADANG_TEST_RECORDING=1` stands in for the stage broadcaster: every session that goes live and
 *   stops leaves a 30-minute recording from the moment it went live (so replays and chapters show).
 */
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { loadConfig } from '../../src/lib/server/config.js';
import { buildApp } from '../../src/lib/server/wiring/app.js';
import { emptyProgramme } from '../../src/lib/domain/testing/programmeFactory.js';
import { addToOutbox } from '../../src/lib/server/db/outboxRepository.js';
import { unlimitedRateLimiter } from '../../src/lib/server/rateLimits/rateLimiter.js';
import { attachLiveEndpoint } from '../../src/lib/server/realtime/liveEndpoint.js';
import { FilePhotoStore } from '../../src/lib/server/storage/photoStore.js';
import type { BroadcastOutput } from '../../src/lib/server/services/broadcastControl.js';

const pinned = process.env.MADANG_TEST_CLOCK ? new Date(process.env.MADANG_TEST_CLOCK) : null;
const loaded = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const config = {
  ...loaded,
  dataDir: process.env.MADANG_TEST_DATA_DIR || 'memory://',
  // Chosen before the app is built, so the console shows producers the port RTMP really listens on.
  rtmpPort: process.env.MADANG_TEST_RTMP === '1' ? await freeLoopbackPort() : loaded.rtmpPort
};
// MADANG_TEST_PHOTO_DIR keeps photos on disk where a test can see what was (not) stored.
const photos = process.env.MADANG_TEST_PHOTO_DIR ? new FilePhotoStore(process.env.MADANG_TEST_PHOTO_DIR) : undefined;
const onAir = new Map<string, Date>();
const recording: BroadcastOutput = {
  goOnAir: async (_stage, session) => void onAir.set(session, onAir.get(session) ?? pinned ?? new Date()),
  goOffAir: async (_stage, session) => {
    const startedAt = onAir.get(session);
    return startedAt ? { startedAt, endedAt: new Date(startedAt.getTime() + 1_800_000), durationSeconds: 1800 } : null;
  },
  keyRotated: () => {}
};
const app = await buildApp(config, {
  ...(pinned ? { clock: () => pinned } : {}),
  ...(process.env.MADANG_TEST_RECORDING === '1' ? { broadcastOutput: recording } : {}),
  ...(photos ? { photos } : {}),
  ...(process.env.MADANG_TEST_UNLIMITED === '1' ? { rateLimiter: unlimitedRateLimiter } : {})
});
if (process.env.MADANG_TEST_EMPTY_EDITION) {
  // A published edition with nothing in it yet: exports must still be valid.
  const empty = emptyProgramme();
  const { ProgrammeRepository } = await import('../../src/lib/server/db/programmeRepository.js');
  await new ProgrammeRepository(app.database.db).saveProgramme({
    ...empty,
    organisation: { ...empty.organisation, id: 'empty-org', slug: 'empty-org' },
    series: { ...empty.series, id: 'empty-series', organisationId: 'empty-org', slug: 'empty-series' },
    edition: {
      ...empty.edition,
      id: 'empty-edition',
      seriesId: 'empty-series',
      slug: process.env.MADANG_TEST_EMPTY_EDITION,
      state: 'published'
    }
  });
}
const poke = process.env.MADANG_TEST_LIVE_POKE === '1';
const server = createServer((req, res) => {
  if (poke && req.method === 'POST' && req.url?.startsWith('/__test/live-poke?')) {
    const query = new URL(req.url, 'http://test').searchParams;
    const event = {
      channel: query.get('channel') ?? '',
      name: query.get('name') ?? '',
      data: { id: query.get('id') ?? 'poke', version: 1 }
    };
    void addToOutbox(app.database.db, event).then(
      () => {
        app.context.liveEvents.afterCommit();
        res.writeHead(204).end();
      },
      (error: unknown) => res.writeHead(500).end(String(error))
    );
    return;
  }
  app.listener(req, res);
});
const live = attachLiveEndpoint(
  server,
  app.hub,
  app.broadcasting ? [app.broadcasting.browserIngest.handleUpgrade] : []
);
const rtmpPort =
  process.env.MADANG_TEST_RTMP === '1' && app.broadcasting ? await app.broadcasting.listenRtmp(config.rtmpPort) : null;
server.listen(Number(process.env.MADANG_TEST_PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${address.port}`, setupPath: app.setupPath, rtmpPort })}\n`
  );
});
process.on('SIGTERM', () => {
  live.close();
  server.closeAllConnections();
  server.close(() => void app.close().then(() => process.exit(0)));
});

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createTcpServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
