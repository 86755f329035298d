/**
 * The composition root: builds the whole application as a Node request
 * listener without listening. Opens the database, then wires each feature
 * with what it needs (access, programme, participation, broadcast), hands the
 * services to SvelteKit and returns the listener. `server.ts` listens; tests
 * drive the same app on a loopback port.
 */
import type { RequestListener } from 'node:http';
import { resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';
import { provideContext, type AppContext } from '../context.js';
import { AuditRepository } from '../db/auditRepository.js';
import { AuditLog } from '../services/auditLog.js';
import { openDatabase, type Database } from '../db/database.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { createMetrics } from '../http/metrics.js';
import { createRequestListener } from '../http/requestListener.js';
import { loadSvelteKitHandler, locateSvelteKitHandler } from '../http/svelteKitHandler.js';
import type { RateLimiter } from '../rateLimits/rateLimiter.js';
import type { Hub } from '../realtime/hub.js';
import type { BroadcastOutput } from '../services/broadcastControl.js';
import type { PhotoStore } from '../storage/photoStore.js';
import { wireAccess, type AccessWiring } from './access.js';
import { wireBroadcast, type Broadcasting } from './broadcast.js';
import { wireParticipation, type ParticipationWiring } from './participation.js';
import { wireProgramme, type ProgrammeWiring } from './programme.js';

export interface App {
  readonly listener: RequestListener;
  readonly context: AppContext;
  readonly database: Database;
  /** The slug of the demo edition when this start loaded it. */
  readonly demoLoaded: string | null;
  /** `/console/setup/<token>` while no administrator exists: the process prints it. */
  readonly setupPath: string | null;
  /** The real-time hub; `server.ts` attaches it to the http.Server (`attachLiveEndpoint`). */
  readonly hub: Hub;
  /** The broadcast pipeline (null without ffmpeg); `server.ts` listens for RTMP and takes `/ingest/` upgrades. */
  readonly broadcasting: Broadcasting | null;
  close(): Promise<void>;
}

export interface AppOptions {
  readonly log?: Logger;
  readonly clock?: () => Date;
  /** Directory of the SvelteKit build (`build/` by default). */
  readonly buildDir?: string;
  /** Where speaker photos are kept; by default `photos/` under DATA_DIR (memory for an in-memory database). */
  readonly photos?: PhotoStore;
  /** Replaces the configured rate limiter (the test server's MADANG_TEST_UNLIMITED). */
  readonly rateLimiter?: RateLimiter;
  /** The stage broadcaster's recording control; until it is wired, going live records nothing. */
  readonly broadcastOutput?: BroadcastOutput;
}

export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? pino({ level: config.logLevel, base: { service: 'madang' } });
  const clock = options.clock;
  const handlerFile = locateSvelteKitHandler(resolve(options.buildDir ?? 'build'));

  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const { db } = database;
  const programmeRepository = new ProgrammeRepository(db);
  let programme: ProgrammeWiring;
  let access: AccessWiring;
  let participation: ParticipationWiring;
  try {
    // The demo, when loaded, is in the database before the first account is.
    programme = await wireProgramme({
      db,
      dataDir: config.dataDir,
      programmeRepository,
      loadDemo: config.loadDemo,
      photos: options.photos,
      clock
    });
    access = await wireAccess({ config, db, log, clock });
  } catch (error) {
    await database.close();
    throw error;
  }
  const audit = new AuditRepository(db);
  try {
    participation = await wireParticipation({
      config,
      db,
      log,
      programmeRepository,
      audit,
      rateLimiter: options.rateLimiter,
      clock
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  const metrics = createMetrics();
  const broadcast = await wireBroadcast({
    config,
    db,
    log,
    registry: metrics.registry,
    access: access.access,
    programmeRepository,
    audit,
    liveEvents: participation.liveEvents,
    output: options.broadcastOutput,
    clock
  });
  const context: AppContext = {
    config,
    log,
    metrics,
    access: access.access,
    auditLog: new AuditLog(audit),
    ...programme.services,
    ...participation.services,
    ...broadcast.services
  };
  provideContext(context);

  const listener = createRequestListener({
    kitHandler: await loadSvelteKitHandler(handlerFile, config.publicUrl),
    photos: programme.photos,
    broadcast: broadcast.broadcasting,
    metrics,
    database: { kind: database.kind, isReachable: () => programmeRepository.hasAnyEdition() },
    log
  });

  return {
    listener,
    context,
    database,
    demoLoaded: programme.demoLoaded,
    setupPath: access.setupPath,
    hub: participation.hub,
    broadcasting: broadcast.broadcasting,
    close: async () => {
      await broadcast.broadcasting?.close();
      await participation.close();
      await access.mailer.close();
      await database.close();
    }
  };
}
