/** How many e2e files run at once (vitest.e2e.config.ts); globalSetup.ts starts one Redis for each. */
export const e2eWorkers = Math.max(1, Number(process.env.MADANG_E2E_WORKERS ?? 2));
