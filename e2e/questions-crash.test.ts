/**
 * Fault story: the server is killed (SIGKILL) in the middle of a burst of
 * 1,000 question submissions from 20 clients that retry every failure with
 * the same idempotency key. After a restart on the same data directory the
 * clients finish, and the session holds exactly 1,000 questions: none lost
 * (each was stored before it was acknowledged), none twice (the retries of
 * a stored submission found it instead of storing it again).
 *
 * Submissions go through the same action the panel's form posts
 * (`?/askQuestion`), with `x-madang-live: 1` so it answers JSON.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../src/lib/server/db/database.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const total = 1_000;
const clients = 20;
const crashAfter = 300;
const sessionPath = '/seoul-2020/sessions/d2-talk-concert';

let dataDir = '';
let server: TestServer | null = null;
afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** One participant: its own cookie jar and its own share of submissions. */
class Participant {
  cookie = '';
  constructor(private readonly url: () => string) {}

  async post(action: string, fields: Record<string, string>): Promise<Response> {
    const response = await fetch(`${this.url()}${sessionPath}?/${action}`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams(fields).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: new URL(this.url()).origin,
        'x-madang-live': '1',
        accept: 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {})
      },
      signal: AbortSignal.timeout(10_000)
    });
    const set = response.headers.getSetCookie().find((c) => c.startsWith('madang_participant='));
    if (set) this.cookie = set.split(';', 1)[0]!;
    return response;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('keeps exactly 1,000 questions when the server is killed mid-burst and clients retry', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'madang-crash-'));
  const env = { MADANG_TEST_DATA_DIR: dataDir, MADANG_TEST_UNLIMITED: '1' };
  server = await startTestServer(env);
  let url = server.url;
  let acknowledged = 0;
  let failures = 0;
  /** Acknowledgements of a retry that found its question already stored (it was stored, but its answer was lost). */
  let foundOnRetry = 0;
  const participants = Array.from({ length: clients }, () => new Participant(() => url));
  // Each participant holds its cookie before it asks, so a retry is always the same participant.
  for (const p of participants) {
    await p.post('upvoteQuestion', { questionId: randomUUID(), intent: 'up' });
    expect(p.cookie).not.toBe('');
  }

  async function submitAll(p: Participant, keys: readonly string[], index: number) {
    for (const [n, key] of keys.entries()) {
      const fields = {
        text: `Question ${index}.${n} from the crash test`,
        displayName: `Client ${index}`,
        idempotencyKey: key
      };
      for (;;) {
        try {
          const response = await p.post('askQuestion', fields);
          if (response.ok) {
            // SvelteKit's action answer: `data` is devalue's flattened `{ question: { id, status, isNew } }`.
            const answer = (await response.json()) as { type: string; data: string };
            expect(answer.type).toBe('success');
            if (JSON.parse(answer.data).includes(false)) foundOnRetry++;
            acknowledged++;
            break;
          }
          await response.text();
        } catch {
          // The server is gone or restarting: retry the same key.
        }
        failures++;
        await pause(50 + Math.random() * 150);
      }
    }
  }

  const share = total / clients;
  const burst = Promise.all(
    participants.map((p, i) =>
      submitAll(
        p,
        Array.from({ length: share }, () => randomUUID()),
        i
      )
    )
  );
  while (acknowledged < crashAfter) await pause(5);
  const atCrash = acknowledged;
  await server.crash();
  server = await server.restart();
  url = server.url;
  await burst;
  expect(atCrash).toBeGreaterThanOrEqual(crashAfter);
  expect(atCrash).toBeLessThan(total);
  expect(acknowledged).toBe(total);
  expect(failures).toBeGreaterThan(0);
  console.info(
    `crash after ${atCrash} acknowledged; ${failures} failed attempts retried; ${foundOnRetry} retries found their question already stored`
  );
  await server.stop();
  server = null;

  const database = await openDatabase({ dataDir });
  try {
    const rows = await database.db
      .selectFrom('question')
      .select(['participant_id', 'idempotency_key', 'text'])
      .where('session_id', '=', 'd2-talk-concert')
      .execute();
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => `${r.participant_id}/${r.idempotency_key}`)).size).toBe(total);
    expect(new Set(rows.map((r) => r.text)).size).toBe(total);
  } finally {
    await database.close();
  }
}, 240_000);
