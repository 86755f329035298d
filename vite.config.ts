import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { liveScript } from './tooling/liveScript.js';
import { playerScript } from './tooling/playerScript.js';

export default defineConfig({
  plugins: [liveScript(), playerScript(), sveltekit()],
  test: {
    include: ['src/**/*.test.ts', 'tooling/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are memory-hungry; keep workers few on a 2-core machine.
    maxWorkers: 2
  }
});
