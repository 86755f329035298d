/**
 * Runs in each e2e worker before its file: gives the worker its own Redis
 * (globalSetup.ts started one per worker), so every server the file starts —
 * through testServer.ts or `server.ts` itself — shares real-time events only
 * with servers of the same file.
 */
const urls = process.env.MADANG_E2E_REDIS_URLS?.split(' ').filter(Boolean) ?? [];
if (process.env.REDIS_URL && urls.length > 0) {
  const pool = Number(process.env.VITEST_POOL_ID ?? 1);
  process.env.REDIS_URL = urls[(pool - 1) % urls.length]!;
}
