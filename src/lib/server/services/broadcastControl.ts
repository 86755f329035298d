/**
 * Producers putting sessions on air and taking them off (ADR 016), rotating a
 * stage's stream key, and the broadcast facts pages show. Permission first
 * (`runStudio`), then the live-state rules under the stage's lock, one
 * transaction per change with its audit entry and its `broadcast.state`
 * events (session and edition channels); the outside effects (the splicer's
 * recording through `BroadcastOutput`) only after commit.
 */
import type { Actor } from '../../domain/access/policies.js';
import { canRunStudio } from '../../domain/access/policies.js';
import { broadcastViewOf, type BroadcastView } from '../../domain/broadcast/broadcastView.js';
import { decideGoLive, decideStop, type BroadcastRefusal } from '../../domain/broadcast/liveState.js';
import type { Programme, Session, Stage } from '../../domain/programme.js';
import type { BroadcastRepository } from '../db/broadcastRepository.js';
import type { ProgrammeRepository } from '../db/programmeRepository.js';
import type { StageStreamKeys } from '../media/streamKeys.js';
import type { LiveEvents } from '../realtime/outboxRelay.js';

/** A finished recording of a session, as the splicer closed it. */
export interface Recording {
  readonly startedAt: Date;
  readonly endedAt: Date;
  readonly durationSeconds: number;
}

/** The stage's output (the lead's stage broadcaster): starts and stops a session's recording. */
export interface BroadcastOutput {
  goOnAir(stageId: string, sessionId: string): Promise<void>;
  /** Closes the session's recording; null when nothing was recorded (no source ever arrived). */
  goOffAir(stageId: string, sessionId: string): Promise<Recording | null>;
  /** The stage's stream key was replaced: an encoder connected with the old one is cut off (it cannot reconnect with it). */
  keyRotated(stageId: string): void;
}

export type Refused = { readonly status: 'forbidden' } | { readonly status: 'not_found' };

export type GoLiveOutcome =
  | {
      readonly status: 'live';
      readonly resumed: boolean;
      /** The output did not start; the state is live all the same. */ readonly outputFailed: boolean;
    }
  | { readonly status: 'refused'; readonly refusal: BroadcastRefusal }
  | Refused;

export type StopOutcome =
  | { readonly status: 'ended'; readonly hasReplay: boolean; readonly outputFailed: boolean }
  | { readonly status: 'refused'; readonly refusal: BroadcastRefusal }
  | Refused;

export type RotateOutcome = { readonly status: 'rotated'; readonly generation: number } | Refused;

export interface StageSession {
  readonly session: Session;
  readonly broadcast: BroadcastView;
}

export interface StageBroadcastPage {
  readonly status: 'found';
  readonly programme: Programme;
  readonly stage: Stage;
  readonly streamKey: string;
  /** Sessions on this stage by start time, drafts included (marked by `session.state`). */
  readonly sessions: readonly StageSession[];
}

export interface BroadcastControlOptions {
  readonly liveEvents: LiveEvents;
  readonly output: BroadcastOutput;
  readonly log: { warn(details: object, message: string): void };
  readonly clock?: () => Date;
}

export class BroadcastControl {
  readonly #clock: () => Date;

  constructor(
    private readonly broadcasts: BroadcastRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly keys: StageStreamKeys,
    private readonly options: BroadcastControlOptions
  ) {
    this.#clock = options.clock ?? (() => new Date());
  }

  async goLive(actor: Actor, sessionId: string): Promise<GoLiveOutcome> {
    const allowed = await this.allowed(actor, sessionId);
    if (allowed) return allowed;
    const now = this.#clock();
    const change = await this.broadcasts.changeState(
      sessionId,
      (facts) =>
        decideGoLive(
          { state: facts.session.publication, stageId: facts.session.stageId },
          facts.session.broadcast,
          facts.liveOnStage,
          now
        ),
      { accountId: actor.id }
    );
    if (!change) return { status: 'not_found' };
    const { decision, stageId } = change;
    if (!decision.ok) return { status: 'refused', refusal: decision };
    this.options.liveEvents.afterCommit();
    let outputFailed = false;
    try {
      if (stageId) await this.options.output.goOnAir(stageId, sessionId);
    } catch (error) {
      outputFailed = true;
      this.options.log.warn({ err: error, sessionId, stageId }, 'the stage output did not go on air');
    }
    return { status: 'live', resumed: decision.resumed, outputFailed };
  }

  async stop(actor: Actor, sessionId: string): Promise<StopOutcome> {
    const allowed = await this.allowed(actor, sessionId);
    if (allowed) return allowed;
    const now = this.#clock();
    const change = await this.broadcasts.changeState(sessionId, (facts) => decideStop(facts.session.broadcast, now), {
      accountId: actor.id
    });
    if (!change) return { status: 'not_found' };
    const { decision, stageId } = change;
    if (!decision.ok) return { status: 'refused', refusal: decision };
    this.options.liveEvents.afterCommit();
    if (!stageId) return { status: 'ended', hasReplay: false, outputFailed: false };
    try {
      const recording = await this.options.output.goOffAir(stageId, sessionId);
      if (!recording) return { status: 'ended', hasReplay: false, outputFailed: false };
      // Pages that showed "Live" learn that a replay now exists.
      await this.broadcasts.saveReplay({ sessionId, stageId, ...recording });
      this.options.liveEvents.afterCommit();
      return { status: 'ended', hasReplay: true, outputFailed: false };
    } catch (error) {
      this.options.log.warn({ err: error, sessionId, stageId }, 'the stage output did not close the recording');
      return { status: 'ended', hasReplay: false, outputFailed: true };
    }
  }

  async rotateStreamKey(actor: Actor, stageId: string): Promise<RotateOutcome> {
    const stage = await this.broadcasts.stage(stageId);
    if (!stage) return { status: 'not_found' };
    if (!canRunStudio(actor, stage.editionId)) return { status: 'forbidden' };
    const generation = await this.broadcasts.rotateStreamKey(stageId, { accountId: actor.id });
    if (generation === null) return { status: 'not_found' };
    this.options.output.keyRotated(stageId);
    return { status: 'rotated', generation };
  }

  /** The stage's broadcast page in the console: its key, and its sessions with their states. */
  async stagePage(actor: Actor, editionSlug: string, stageId: string): Promise<StageBroadcastPage | Refused> {
    const programme = await this.programmes.loadProgramme(editionSlug, { includeDrafts: true });
    if (!programme) return { status: 'not_found' };
    if (!canRunStudio(actor, programme.edition.id)) return { status: 'forbidden' };
    const stage = programme.stages.find((s) => s.id === stageId);
    const streamKey = stage ? await this.keys.keyFor(stage.id) : null;
    if (!stage || !streamKey) return { status: 'not_found' };
    const views = await this.editionBroadcasts(programme.edition.id);
    const sessions = programme.sessions
      .filter((s) => s.stageId === stage.id)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position)
      .map((session) => ({ session, broadcast: views[session.id] ?? notOnAir(programme.edition.slug, session) }));
    return { status: 'found', programme, stage, streamKey, sessions };
  }

  /** One session's broadcast for its page; null when the session does not exist. */
  async broadcastView(sessionId: string): Promise<BroadcastView | null> {
    const row = await this.broadcasts.sessionView(sessionId);
    return row ? broadcastViewOf(row) : null;
  }

  /**
   * The broadcast of every session of an edition that has been on air, by
   * session id, in one query; sessions missing from it were never on air.
   */
  async editionBroadcasts(editionId: string): Promise<Record<string, BroadcastView>> {
    const rows = await this.broadcasts.editionViews(editionId);
    return Object.fromEntries(rows.map((row) => [row.sessionId, broadcastViewOf(row)]));
  }

  private async allowed(actor: Actor, sessionId: string): Promise<Refused | null> {
    const session = await this.broadcasts.session(sessionId);
    if (!session) return { status: 'not_found' };
    if (!canRunStudio(actor, session.editionId)) return { status: 'forbidden' };
    return null;
  }
}

function notOnAir(editionSlug: string, session: Session): BroadcastView {
  return broadcastViewOf({
    sessionId: session.id,
    editionSlug,
    stageId: session.stageId,
    broadcast: { state: 'scheduled', wentLiveAt: null, endedAt: null },
    replay: null
  });
}
