import { configDefaults, defineConfig } from 'vitest/config';
import { e2eWorkers } from './e2e/support/workers.js';

// Browser and whole-process tests. Each file starts its own servers (on free
// ports, each on its own copy of one database template, with its worker's own
// Redis: see e2e/support/globalSetup.ts) and Chromium, so most files run two
// at a time. Files that measure real-time playback or pacing (an encoder's
// seconds, a player's stalls, a crashed server's reconnection backoff) run
// afterwards, one at a time, so a neighbour's load cannot stretch their clock.
const alone = [
  'e2e/broadcast.test.ts',
  'e2e/broadcast-slate.test.ts',
  'e2e/browser-ingest.test.ts',
  'e2e/browser-ingest-stage.test.ts',
  'e2e/player.test.ts',
  'e2e/live-stage.test.ts',
  'e2e/questions-crash.test.ts'
];

const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  setupFiles: ['e2e/support/workerEnv.ts']
};

export default defineConfig({
  test: {
    globalSetup: ['e2e/support/globalSetup.ts'],
    maxWorkers: e2eWorkers,
    projects: [
      {
        test: {
          ...shared,
          name: 'parallel',
          include: ['e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...alone],
          fileParallelism: true,
          maxWorkers: e2eWorkers,
          sequence: { groupOrder: 0 }
        }
      },
      {
        test: {
          ...shared,
          name: 'serial',
          include: alone,
          fileParallelism: false,
          sequence: { groupOrder: 1 }
        }
      }
    ]
  }
});
