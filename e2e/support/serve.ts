/**
 * Test-only entry: starts the real app (the same `buildApp` as server.ts) on
 * a loopback port with a throwaway embedded database and the demo, and prints
 * its address as one JSON line. `MADANG_TEST_CLOCK` pins "now" so tests can
 * visit the forum while it is live; `MADANG_TEST_PHOTO_DIR` keeps uploaded
 * photos in that directory instead of memory.
 */
import { createServer } from 'node:http';
import { loadConfig } from '../../src/lib/server/config.js';
import { buildApp } from '../../src/lib/server/http/app.js';
import { emptyProgramme } from '../../src/lib/domain/testing/programmeFactory.js';
import { FilePhotoStore } from '../../src/lib/server/storage/photoStore.js';

const pinned = process.env.MADANG_TEST_CLOCK ? new Date(process.env.MADANG_TEST_CLOCK) : null;
const config = { ...loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }), dataDir: 'memory://' };
// MADANG_TEST_PHOTO_DIR keeps photos on disk where a test can see what was (not) stored.
const photos = process.env.MADANG_TEST_PHOTO_DIR ? new FilePhotoStore(process.env.MADANG_TEST_PHOTO_DIR) : undefined;
const app = await buildApp(config, { ...(pinned ? { clock: () => pinned } : {}), ...(photos ? { photos } : {}) });
if (process.env.MADANG_TEST_EMPTY_EDITION) {
  // A published edition with nothing in it yet: exports must still be valid.
  const empty = emptyProgramme();
  const { ProgrammeRepository } = await import('../../src/lib/server/db/programmeRepository.js');
  await new ProgrammeRepository(app.database.db).saveProgramme({
    ...empty,
    organisation: { ...empty.organisation, id: 'empty-org', slug: 'empty-org' },
    series: { ...empty.series, id: 'empty-series', organisationId: 'empty-org', slug: 'empty-series' },
    edition: { ...empty.edition, id: 'empty-edition', seriesId: 'empty-series', slug: process.env.MADANG_TEST_EMPTY_EDITION, state: 'published' }
  });
}
const server = createServer(app.listener);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}`, setupPath: app.setupPath })}\n`);
});
process.on('SIGTERM', () => server.close(() => void app.close().then(() => process.exit(0))));
