/**
 * Builds the whole application as a Node request listener without listening:
 * database, demo, services, the SvelteKit handler, compression, health and
 * metrics. `server.ts` listens; tests drive the same app on a loopback port.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import { pino, type Logger } from 'pino';
import { createAccessServices, type AccessServices } from '../auth/accessServices.js';
import { OpenIdIssuer } from '../auth/openIdIssuer.js';
import type { Config } from '../config.js';
import { provideContext, type AppContext } from '../context.js';
import { openDatabase, type Database } from '../db/database.js';
import { AuditRepository } from '../db/auditRepository.js';
import { ChatRepository } from '../db/chatRepository.js';
import { DayEditRepository } from '../db/dayEditRepository.js';
import { EditionEditRepository } from '../db/editionEditRepository.js';
import { ProgrammeItemEditRepository } from '../db/programmeItemEditRepository.js';
import { ProgrammeImportRepository } from '../db/programmeImportRepository.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { SessionEditRepository } from '../db/sessionEditRepository.js';
import { SpeakerEditRepository } from '../db/speakerEditRepository.js';
import { processSpeakerPhoto } from '../media/speakerPhoto.js';
import { SpeakerEditing } from '../services/speakerEditing.js';
import { FilePhotoStore, MemoryPhotoStore, type PhotoStore } from '../storage/photoStore.js';
import { DayEditing } from '../services/dayEditing.js';
import { EditionEditing } from '../services/editionEditing.js';
import { SessionEditing } from '../services/sessionEditing.js';
import { ProgrammeItemEditing } from '../services/programmeItemEditing.js';
import { ProgrammeImport } from '../services/programmeImport.js';
import { channelEditRepository } from '../db/channelEditRepository.js';
import { cityEditRepository } from '../db/cityEditRepository.js';
import { PlaceEditing } from '../services/placeEditing.js';
import { PollRepository } from '../db/pollRepository.js';
import { PollModeration } from '../services/pollModeration.js';
import { PollParticipation } from '../services/pollParticipation.js';
import { channelRules, cityRules } from '../services/places.js';
import { createMailer } from '../mail/mailer.js';
import { loadDemoIfEmpty } from '../services/demoService.js';
import { ProgrammeService } from '../services/programmeService.js';
import { QuestionRepository } from '../db/questionRepository.js';
import { QuestionService } from '../services/questionService.js';
import { ChatMessaging } from '../services/chatMessaging.js';
import { ChatModeration } from '../services/chatModeration.js';
import { DestinationEditing } from '../services/destinationEditing.js';
import { DestinationRepository } from '../db/destinationRepository.js';
import { destinationKeyUse, SecretBox } from '../media/secretBox.js';
import { ChatReactions } from '../services/chatReactions.js';
import { bodySizeLimit, isOverBodyLimit } from './bodyLimits.js';
import { createMetrics } from './metrics.js';
import { servePhoto } from './photoResponse.js';
import { createHub } from '../realtime/createHub.js';
import type { Hub } from '../realtime/hub.js';
import { createRateLimiter, type RateLimiter } from '../rateLimits/rateLimiter.js';
import { OutboxRepository } from '../db/outboxRepository.js';
import { OutboxRelay } from '../realtime/outboxRelay.js';
import { BroadcastRepository } from '../db/broadcastRepository.js';
import { StageStreamKeys } from '../media/streamKeys.js';
import { BroadcastControl, type BroadcastOutput } from '../services/broadcastControl.js';
import { createBroadcasting, type Broadcasting } from '../media/broadcasting.js';

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

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

/** Records nothing: sessions go live and end, and leave no replay. */
const noBroadcastOutput: BroadcastOutput = {
  goOnAir: async () => {},
  goOffAir: async () => null,
  keyRotated: () => {}
};

export class BuildMissingError extends Error {
  override readonly name = 'BuildMissingError';
}

export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? pino({ level: config.logLevel, base: { service: 'madang' } });
  const buildDir = resolve(options.buildDir ?? 'build');
  const handlerFile = resolve(buildDir, 'handler.js');
  if (!existsSync(handlerFile)) {
    throw new BuildMissingError(`The web app is not built (${handlerFile} is missing); run \`npm run build\` first.`);
  }

  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const programmeRepository = new ProgrammeRepository(database.db);
  const mailer = createMailer(config, log);
  let demoLoaded: string | null = null;
  let access: AccessServices;
  let setupPath: string | null;
  try {
    if (config.loadDemo) demoLoaded = await loadDemoIfEmpty(programmeRepository);
    access = await createAccessServices(database.db, {
      mailer,
      log,
      clock: options.clock,
      oidc: config.oidc ? { name: config.oidc.name, issuer: new OpenIdIssuer(config.oidc), log } : null
    });
    setupPath = await access.setup.ensureSetupLink();
  } catch (error) {
    await database.close();
    throw error;
  }

  let hub: Hub;
  try {
    hub = await createHub(config, log);
  } catch (error) {
    await database.close();
    throw error;
  }
  const photos =
    options.photos ??
    (config.dataDir.startsWith('memory://')
      ? new MemoryPhotoStore()
      : new FilePhotoStore(join(config.dataDir, 'photos')));
  const metrics = createMetrics();
  const outboxRelay = new OutboxRelay(new OutboxRepository(database.db), hub, {
    onFailure: (error, context) => log.warn({ err: error, context }, 'outbox relay problem')
  });
  outboxRelay.start();
  const rateLimits = createRateLimiter(config, (error) => log.warn({ err: error }, 'rate limiter problem'));
  const editionEditRepository = new EditionEditRepository(database.db);
  const pollRepository = new PollRepository(database.db);
  const rateLimiter = options.rateLimiter ?? rateLimits.limiter;
  const livePublishing = { liveEvents: outboxRelay };
  const auditRepository = new AuditRepository(database.db);
  const chatRepository = new ChatRepository(database.db);
  // Reactions go straight through the hub, not the outbox: ephemeral by design (ADR 013).
  const chatReactions = new ChatReactions({
    rateLimiter,
    publish: (channel, name, data) => hub.publish(channel, name, data),
    onFailure: (error) => log.warn({ err: error }, 'reaction burst not published')
  });
  chatReactions.start();
  const broadcastRepository = new BroadcastRepository(database.db);
  const streamKeys = new StageStreamKeys(access.signer, broadcastRepository);
  const chatMessaging = new ChatMessaging(chatRepository, {
    rateLimiter,
    liveEvents: outboxRelay,
    clock: options.clock
  });
  // Destination keys are sealed under a key derived from the instance secret (ADR 015).
  const secretBox = new SecretBox(access.signer.derivedKey(destinationKeyUse));
  const destinationRepository = new DestinationRepository(database.db);
  const broadcasting = await createBroadcasting({
    dataDir: config.dataDir,
    rtmpHost: config.rtmpHost,
    log,
    registry: metrics.registry,
    access,
    broadcasts: broadcastRepository,
    destinations: destinationRepository,
    secretBox,
    streamKeys
  });
  const context: AppContext = {
    config,
    log,
    metrics,
    programmes: new ProgrammeService(programmeRepository, options.clock),
    access,
    sessionEditing: new SessionEditing(programmeRepository, new SessionEditRepository(database.db)),
    programmeItemEditing: new ProgrammeItemEditing(programmeRepository, new ProgrammeItemEditRepository(database.db)),
    speakerEditing: new SpeakerEditing(
      programmeRepository,
      new SpeakerEditRepository(database.db),
      photos,
      processSpeakerPhoto
    ),
    cityEditing: new PlaceEditing(programmeRepository, cityEditRepository(database.db), cityRules),
    channelEditing: new PlaceEditing(programmeRepository, channelEditRepository(database.db), channelRules),
    editionEditing: new EditionEditing(programmeRepository, editionEditRepository),
    dayEditing: new DayEditing(editionEditRepository, new DayEditRepository(database.db)),
    audit: auditRepository,
    programmeImport: new ProgrammeImport(
      programmeRepository,
      new ProgrammeImportRepository(database.db),
      options.clock
    ),
    rateLimiter,
    liveEvents: outboxRelay,
    hub,
    questions: new QuestionService(new QuestionRepository(database.db), {
      limiter: rateLimiter,
      liveEvents: outboxRelay,
      // One word filter per edition, kept with the chat's settings, screens questions too.
      screenText: (editionId, text) => chatMessaging.screenText(editionId, text),
      clock: options.clock
    }),
    pollModeration: new PollModeration(programmeRepository, pollRepository, livePublishing),
    pollParticipation: new PollParticipation(pollRepository, { ...livePublishing, rateLimiter }),
    chatMessaging,
    chatModeration: new ChatModeration(chatRepository, auditRepository, outboxRelay, options.clock),
    chatReactions,
    ...(broadcasting ? { simulcast: broadcasting.simulcast, broadcast: broadcasting.status } : {}),
    destinationEditing: new DestinationEditing(destinationRepository, secretBox, auditRepository, {
      afterChange: (stageId) => void context.simulcast?.refresh(stageId)
    }),
    broadcastControl: new BroadcastControl(broadcastRepository, programmeRepository, streamKeys, {
      liveEvents: outboxRelay,
      output: options.broadcastOutput ?? broadcasting?.output ?? noBroadcastOutput,
      log,
      clock: options.clock
    })
  };
  provideContext(context);

  // adapter-node assumes https unless told; tell it what the connection is.
  // PUBLIC_URL, when set, is the one origin links use.
  if (config.publicUrl) process.env.ORIGIN = config.publicUrl;
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
  process.env.HOST_HEADER ??= 'x-forwarded-host';
  // Read by adapter-node when its handler is imported, just below.
  process.env.BODY_SIZE_LIMIT ??= String(bodySizeLimit);
  const { handler: kitHandler } = (await import(pathToFileURL(handlerFile).href)) as { handler: Middleware };
  const compress = compression({ threshold: 512 }) as unknown as Middleware;

  const listener: RequestListener = (req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (!req.headers['x-forwarded-proto']) {
      req.headers['x-forwarded-proto'] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
    }
    if (path === '/healthz') return void health(res);
    if (path === '/metrics') return void exposeMetrics(res);
    if (isOverBodyLimit(req.url ?? '/', req.headers['content-length'])) {
      res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      return void res.end('This request sent more than 512 KB; nothing was saved.');
    }
    // Photos are immutable files: served before SvelteKit, whose hooks would revalidate them like pages.
    if (path.startsWith('/media/photos/'))
      return void servePhoto(req, res, photos, path.slice('/media/photos/'.length), log);
    // Playlists and segments carry their own cache rules (ADR 014); compression would only cost CPU on video.
    if (path.startsWith('/broadcast/')) {
      if (broadcasting) return void broadcasting.serve(req, res, path.slice('/broadcast/'.length));
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      return void res.end('Live video is not available on this server.');
    }
    compress(req, res, () =>
      kitHandler(req, res, (error?: unknown) => {
        if (error) log.error({ err: error }, 'unhandled request error');
        if (!res.headersSent) {
          res.statusCode = error ? 500 : 404;
          res.setHeader('content-type', 'text/plain; charset=utf-8');
        }
        res.end(error ? 'Something went wrong.' : 'Not found.');
      })
    );
  };

  async function health(res: ServerResponse): Promise<void> {
    try {
      await programmeRepository.hasAnyEdition();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: 'ok', database: database.kind }));
    } catch (error) {
      log.error({ err: error }, 'health check failed');
      res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: 'unavailable', database: database.kind }));
    }
  }

  async function exposeMetrics(res: ServerResponse): Promise<void> {
    res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
    res.end(await metrics.registry.metrics());
  }

  return {
    listener,
    context,
    database,
    demoLoaded,
    setupPath,
    hub,
    broadcasting,
    close: async () => {
      await broadcasting?.close();
      await chatReactions.close();
      await outboxRelay.close();
      await hub.close();
      await rateLimits.close();
      await mailer.close();
      await database.close();
    }
  };
}
