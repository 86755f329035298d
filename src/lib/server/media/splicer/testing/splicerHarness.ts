/**
 * What the splicer's unit tests share: a clock moved by hand, a stage folder
 * and slate clips made afresh for each test, and the encoder's side (write a
 * segment file and report it). `useSplicerHarness()` registers the set-up and
 * clean-up hooks of the test file that calls it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach } from 'vitest';
import { parseMediaPlaylist, type ParsedMediaPlaylist } from '../../../../domain/broadcast/playlistParser.js';
import { renditionNames, type RenditionName } from '../../../../domain/broadcast/renditions.js';
import { stageDir } from '../../broadcastPaths.js';
import type { SlateClips } from '../../slate.js';
import type { SplicerClock } from '../splicerClock.js';
import { StageSplicer, type StageSplicerOptions } from '../stageSplicer.js';

/** A clock the test moves by hand; timers run in time order, each followed by the splicer's writes. */
export class ManualClock implements SplicerClock {
  at = Date.parse('2026-12-06T10:00:00.000Z');
  #timers: { at: number; task: () => void; id: number }[] = [];
  #ids = 0;

  now(): Date {
    return new Date(this.at);
  }

  after(ms: number, task: () => void): () => void {
    const id = ++this.#ids;
    this.#timers.push({ at: this.at + ms, task, id });
    return () => {
      this.#timers = this.#timers.filter((t) => t.id !== id);
    };
  }

  async advance(ms: number, splicer: StageSplicer): Promise<void> {
    const until = this.at + ms;
    for (;;) {
      const next = this.#timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.#timers = this.#timers.filter((t) => t !== next);
      this.at = next.at;
      next.task();
      await splicer.flush();
    }
    this.at = until;
    await splicer.flush();
  }
}

export interface SplicerHarness {
  /** Set afresh before each test. */
  readonly dataDir: string;
  readonly encoderDir: string;
  readonly slate: SlateClips;
  readonly clock: ManualClock;
  /** A splicer of stage `main-hall`, closed after the test. */
  splicerFor(options?: Partial<StageSplicerOptions>): StageSplicer;
  /** What the encoder does: writes a segment file and reports it, starting now. */
  encode(splicer: StageSplicer, rendition: RenditionName, index: number, run?: string): Promise<void>;
  /** One second of the encoder: every rendition's segment of that index. */
  second(splicer: StageSplicer, index: number, run?: string): Promise<void>;
  /** The path of a rendition's live playlist. */
  live(name: RenditionName): string;
  livePlaylist(name: RenditionName): Promise<ParsedMediaPlaylist>;
  /** What a viewer's player would see in a segment: its bytes through the playlist's relative URI. */
  contentOf(name: RenditionName, uri: string): Promise<string>;
}

const log = pino({ level: 'silent' });

export function useSplicerHarness(): SplicerHarness {
  let dataDir = '';
  let encoderDir = '';
  let slate = {} as SlateClips;
  let clock = new ManualClock();
  const open: StageSplicer[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'madang-splicer-'));
    encoderDir = await mkdtemp(join(tmpdir(), 'madang-encoder-'));
    clock = new ManualClock();
    const clips = {} as Record<RenditionName, { path: string; durationSeconds: number }>;
    for (const name of renditionNames) {
      const path = join(dataDir, `slate-${name}.ts`);
      await writeFile(path, `slate ${name}`);
      clips[name] = { path, durationSeconds: 1 };
    }
    slate = clips;
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await rm(dataDir, { recursive: true, force: true });
    await rm(encoderDir, { recursive: true, force: true });
  });

  const live = (name: RenditionName) => join(stageDir(dataDir, 'main-hall'), 'live', `${name}.m3u8`);

  const harness: SplicerHarness = {
    get dataDir() {
      return dataDir;
    },
    get encoderDir() {
      return encoderDir;
    },
    get slate() {
      return slate;
    },
    get clock() {
      return clock;
    },
    splicerFor(options = {}) {
      const splicer = new StageSplicer({
        stageId: 'main-hall',
        dir: stageDir(dataDir, 'main-hall'),
        slate,
        clock,
        log,
        ...options
      });
      open.push(splicer);
      return splicer;
    },
    async encode(splicer, rendition, index, run = 'a') {
      const path = join(encoderDir, `${run}-${rendition}-${index}.ts`);
      await writeFile(path, `${run} ${rendition} ${index}`);
      await splicer.addSegment({ rendition, path, durationSeconds: 1, startsAt: clock.now(), index });
    },
    async second(splicer, index, run = 'a') {
      for (const name of renditionNames) await harness.encode(splicer, name, index, run);
      await clock.advance(1000, splicer);
    },
    live,
    async livePlaylist(name) {
      return parseMediaPlaylist(await readFile(live(name), 'utf8'));
    },
    contentOf(name, uri) {
      return readFile(join(stageDir(dataDir, 'main-hall'), 'live', uri), 'utf8');
    }
  };
  return harness;
}
