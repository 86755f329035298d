/**
 * Wires the broadcast (ADR 014, 015, 016): stage stream keys, sealed outside
 * destinations, going live and stopping (BroadcastControl), and the pipeline
 * of one process built from its parts: which ffmpeg runs, the slate, a
 * splicer per stage, an encoder per source, simulcast, the RTMP and browser
 * ingest edges and their checks, and the /metrics figures. `buildApp` calls
 * `wireBroadcast` once; `server.ts` (and the test server) listen for RTMP and
 * take the ingest upgrades.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { canRunStudio } from '../../domain/access/policies.js';
import type { AccessServices } from './accessServices.js';
import { sessionCookieName } from '../services/accountSessions.js';
import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import type { AuditRepository } from '../db/auditRepository.js';
import { BroadcastRepository } from '../db/broadcastRepository.js';
import type { Db } from '../db/database.js';
import { DestinationRepository } from '../db/destinationRepository.js';
import type { ProgrammeRepository } from '../db/programmeRepository.js';
import { stageDir } from '../media/broadcastPaths.js';
import type { StreamKeys } from '../media/broadcastPorts.js';
import { createBrowserIngest, type BrowserIngest } from '../media/browserIngest.js';
import { registerEncoderMetrics } from '../media/encoderMetrics.js';
import { FfmpegMissingError, locateFfmpeg, type FfmpegBinary } from '../media/ffmpegBinary.js';
import { serveBroadcastFile } from '../media/hlsResponse.js';
import { RtmpServer } from '../media/rtmp/rtmpServer.js';
import { destinationKeyUse, SecretBox } from '../media/secretBox.js';
import { sealedDestinations } from '../media/simulcast/sealedDestinations.js';
import { Simulcast } from '../media/simulcast/simulcast.js';
import { registerSimulcastMetrics } from '../media/simulcast/simulcastMetrics.js';
import { prepareSlate, SlateError, type SlateClips } from '../media/slate.js';
import { StageSplicer } from '../media/splicer/stageSplicer.js';
import { StageBroadcaster, type EncoderRun } from '../media/stageBroadcaster.js';
import { StageEncoder } from '../media/stageEncoder.js';
import type { StageBroadcasts } from '../media/stageStatus.js';
import { StageStreamKeys } from '../media/streamKeys.js';
import type { LiveEvents } from '../realtime/outboxRelay.js';
import { BroadcastControl, type BroadcastOutput } from '../services/broadcastControl.js';
import { DestinationEditing } from '../services/destinationEditing.js';

export interface BroadcastWiring {
  readonly services: Pick<AppContext, 'simulcast' | 'broadcast' | 'destinationEditing' | 'broadcastControl'>;
  /** The pipeline (null without ffmpeg); `server.ts` listens for RTMP and takes `/ingest/` upgrades. */
  readonly broadcasting: Broadcasting | null;
}

/** Records nothing: sessions go live and end, and leave no replay. */
const noBroadcastOutput: BroadcastOutput = {
  goOnAir: async () => {},
  goOffAir: async () => null,
  keyRotated: () => {}
};

export async function wireBroadcast(deps: {
  readonly config: Config;
  readonly db: Db;
  readonly log: Logger;
  readonly registry: Registry;
  readonly access: AccessServices;
  readonly programmeRepository: ProgrammeRepository;
  readonly audit: AuditRepository;
  readonly liveEvents: LiveEvents;
  /** Replaces the pipeline's recording control (tests). */
  readonly output?: BroadcastOutput;
  readonly clock?: () => Date;
}): Promise<BroadcastWiring> {
  const { db, log, access } = deps;
  const broadcastRepository = new BroadcastRepository(db);
  const streamKeys = new StageStreamKeys(access.signer, broadcastRepository);
  // Destination keys are sealed under a key derived from the instance secret (ADR 015).
  const secretBox = new SecretBox(access.signer.derivedKey(destinationKeyUse));
  const destinationRepository = new DestinationRepository(db);
  const broadcasting = await createBroadcasting({
    dataDir: deps.config.dataDir,
    rtmpHost: deps.config.rtmpHost,
    log,
    registry: deps.registry,
    access,
    broadcasts: broadcastRepository,
    destinations: destinationRepository,
    secretBox,
    streamKeys
  });
  return {
    broadcasting,
    services: {
      ...(broadcasting ? { simulcast: broadcasting.simulcast, broadcast: broadcasting.status } : {}),
      destinationEditing: new DestinationEditing(destinationRepository, secretBox, deps.audit, {
        afterChange: (stageId) => void broadcasting?.simulcast.refresh(stageId)
      }),
      broadcastControl: new BroadcastControl(broadcastRepository, deps.programmeRepository, streamKeys, {
        liveEvents: deps.liveEvents,
        output: deps.output ?? broadcasting?.output ?? noBroadcastOutput,
        log,
        clock: deps.clock
      })
    }
  };
}

export interface BroadcastingDependencies {
  /** DATA_DIR; `memory://…` keeps the broadcast's files in a temporary folder removed at close. */
  readonly dataDir: string;
  readonly rtmpHost: string;
  readonly log: Logger;
  readonly registry: Registry;
  readonly access: Pick<AccessServices, 'auth'>;
  readonly broadcasts: Pick<BroadcastRepository, 'stage' | 'liveOnStages'>;
  readonly destinations: Pick<DestinationRepository, 'enabledSealed'>;
  readonly secretBox: Pick<SecretBox, 'open'>;
  readonly streamKeys: StreamKeys;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface Broadcasting {
  readonly output: BroadcastOutput;
  readonly status: StageBroadcasts;
  readonly simulcast: Simulcast;
  /** Takes WebSocket upgrades on `/ingest/<stage>`; false for any other path. */
  readonly browserIngest: BrowserIngest;
  /** Serves `/broadcast/<rest>`: live playlists, segments, replays. */
  serve(req: IncomingMessage, res: ServerResponse, rest: string): Promise<void>;
  /** Starts the RTMP ingest; resolves to the port it listens on (0 picks a free one). */
  listenRtmp(port: number): Promise<number>;
  close(): Promise<void>;
}

/** The pipeline, or null when this machine has no ffmpeg at all (the log says what to install; the rest of the forum runs). */
export async function createBroadcasting(deps: BroadcastingDependencies): Promise<Broadcasting | null> {
  const log = deps.log.child({ part: 'broadcast' });
  let ffmpeg: FfmpegBinary;
  try {
    ffmpeg = locateFfmpeg({ env: deps.env ?? process.env, log });
  } catch (error) {
    if (!(error instanceof FfmpegMissingError)) throw error;
    log.error({ code: error.code }, `${error.message}; live video is off until then`);
    return null;
  }
  const inMemory = deps.dataDir.startsWith('memory://');
  const root = inMemory ? await mkdtemp(join(tmpdir(), 'madang-broadcast-')) : deps.dataDir;
  // The slate depends only on ffmpeg and its arguments (its file names carry their hash), so throwaway servers share one.
  let slate: SlateClips;
  try {
    slate = await prepareSlate({
      ffmpeg,
      dir: inMemory ? join(tmpdir(), 'madang-media-cache') : join(root, 'broadcast'),
      log
    });
  } catch (error) {
    if (!(error instanceof SlateError)) throw error;
    log.error({ code: error.code }, `${error.message}; live video is off until then`);
    if (inMemory) await rm(root, { recursive: true, force: true });
    return null;
  }

  const encoders = new Set<StageEncoder>();
  let runs = 0;
  const startEncoder = (feed: Parameters<StageBroadcaster['accept']>[0]): EncoderRun => {
    const workDir = join(stageDir(root, feed.stageId), 'work', `${Date.now()}-${(runs += 1)}`);
    const encoder = new StageEncoder({ ffmpeg, feed, workDir, log });
    encoders.add(encoder);
    encoder.once('end', (end) => {
      encoders.delete(encoder);
      if (end.code)
        log.warn({ stage: feed.stageId, code: end.code, detail: end.detail }, 'stage encoder ended with an error');
      // The splicer moved every finished segment out; what is left is ffmpeg's unfinished last one.
      rm(workDir, { recursive: true, force: true }).catch((error: unknown) =>
        log.warn({ err: error, workDir }, 'encoder folder not removed')
      );
    });
    return {
      get path() {
        return encoder.path;
      },
      programFeed: encoder.programFeed,
      cpuPercent: () => encoder.cpuPercent,
      onSegment: (listener) => void encoder.on('segment', listener),
      onEnd: (listener) =>
        void encoder.on('end', (end) => listener(end.detail ? `${end.reason}: ${end.detail}` : end.reason)),
      stop: () => encoder.stop()
    };
  };

  const simulcast = new Simulcast({
    ffmpegPath: ffmpeg.path,
    destinations: sealedDestinations(deps.destinations, deps.secretBox, log),
    log
  });
  const broadcaster = new StageBroadcaster({
    startEncoder,
    splicerFor: (stageId) => new StageSplicer({ stageId, dir: stageDir(root, stageId), slate, log }),
    simulcast: {
      attach: (stageId, feed) =>
        void simulcast
          .attach(stageId, feed)
          .catch((error: unknown) => log.error({ err: error, stage: stageId }, 'outside destinations not started')),
      detach: (stageId) => simulcast.detach(stageId)
    },
    log
  });
  registerEncoderMetrics(deps.registry, () => encoders);
  const stopSimulcastMetrics = registerSimulcastMetrics(deps.registry, simulcast);

  const browserIngest = createBrowserIngest({
    sink: broadcaster,
    log,
    authorise: async (request, stageId) => {
      const token = cookieValue(request.headers.cookie, sessionCookieName);
      if (!token) return false;
      const [session, stage] = await Promise.all([deps.access.auth.sessionFor(token), deps.broadcasts.stage(stageId)]);
      return session !== null && stage !== null && canRunStudio(session.account, stage.editionId);
    }
  });

  // Sessions that were live when the process stopped are on air again: slate until the encoder reconnects, recording continues.
  for (const { stageId, sessionId } of await deps.broadcasts.liveOnStages()) {
    await broadcaster
      .goOnAir(stageId, sessionId)
      .catch((error: unknown) =>
        log.error({ err: error, stage: stageId, session: sessionId }, 'could not put a live session back on air')
      );
  }

  let rtmp: RtmpServer | null = null;
  return {
    output: broadcaster,
    status: {
      stageStatus: (stageId) => {
        const status = broadcaster.stageStatus(stageId);
        return {
          sourceConnected: status.sourceConnected,
          via: status.via,
          since: status.since,
          encoderPath: status.encoderPath,
          cpuPercent: status.cpuPercent
        };
      }
    },
    simulcast,
    browserIngest,
    serve: (req, res, rest) => serveBroadcastFile(req, res, root, rest, log),
    listenRtmp: async (port) => {
      await mkdir(join(root, 'broadcast'), { recursive: true });
      rtmp = new RtmpServer({ keys: deps.streamKeys, sink: broadcaster, log, host: deps.rtmpHost, port });
      return rtmp.listen();
    },
    close: async () => {
      browserIngest.close();
      await rtmp?.close();
      await broadcaster.close();
      simulcast.close();
      stopSimulcastMetrics();
      if (inMemory) await rm(root, { recursive: true, force: true });
    }
  };
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}
