import { BaseSequencer, type TestSpecification } from 'vitest/node';
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

// The longest files side by side (measured): they start first, so neither worker is
// left at the end with one long file while the other idles. The rest follow in
// vitest's order (longest first when it remembers a previous run).
const longest = [
  'e2e/console-accessibility-ko.test.ts',
  'e2e/console-accessibility-en.test.ts',
  'e2e/accessibility.test.ts',
  'e2e/live-questions.test.ts',
  'e2e/live-chat.test.ts',
  'e2e/live-polls.test.ts'
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = longest.findIndex((name) => file.moduleId.endsWith(name));
      return index === -1 ? longest.length : index;
    };
    return sorted
      .map((file, index) => ({ file, index }))
      .sort(
        (a, b) =>
          a.file.project.config.sequence.groupOrder - b.file.project.config.sequence.groupOrder ||
          rank(a.file) - rank(b.file) ||
          a.index - b.index
      )
      .map(({ file }) => file);
  }
}

const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  setupFiles: ['e2e/support/workerEnv.ts']
};

export default defineConfig({
  test: {
    globalSetup: ['e2e/support/globalSetup.ts'],
    sequence: { sequencer: LongestFirst },
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
