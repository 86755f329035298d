/**
 * The services the SvelteKit routes use, handed over by the process that
 * wired them (server.ts or a test harness). The SvelteKit bundle and the
 * process entry are separate module graphs, so the hand-over goes through a
 * well-known global symbol rather than a module-level variable.
 */
import type { Logger } from 'pino';
import type { AccessServices } from './wiring/accessServices.js';
import type { Config } from './config.js';
import type { Metrics } from './http/metrics.js';
import type { AuditLog } from './services/auditLog.js';
import type { ChatMessaging } from './services/chatMessaging.js';
import type { ChatModeration } from './services/chatModeration.js';
import type { ChatReactions } from './services/chatReactions.js';
import type { DestinationEditing } from './services/destinationEditing.js';
import type { Simulcast } from './media/simulcast/simulcast.js';
import type { ProgrammeImport } from './services/programmeImport.js';
import type { DayEditing } from './services/dayEditing.js';
import type { EditionEditing } from './services/editionEditing.js';
import type { ProgrammeItemEditing } from './services/programmeItemEditing.js';
import type { ChannelEditing, CityEditing } from './services/places.js';
import type { PollModeration } from './services/pollModeration.js';
import type { PollParticipation } from './services/pollParticipation.js';
import type { ProgrammeService } from './services/programmeService.js';
import type { QuestionService } from './services/questionService.js';
import type { SessionEditing } from './services/sessionEditing.js';
import type { SpeakerEditing } from './services/speakerEditing.js';
import type { RateLimiter } from './rateLimits/rateLimiter.js';
import type { LiveEvents } from './realtime/outboxRelay.js';
import type { Hub } from './realtime/hub.js';
import type { BroadcastControl } from './services/broadcastControl.js';
import type { StageBroadcasts } from './media/stageStatus.js';

export interface AppContext {
  readonly config: Config;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly programmes: ProgrammeService;
  readonly access: AccessServices;
  readonly sessionEditing: SessionEditing;
  readonly programmeItemEditing: ProgrammeItemEditing;
  readonly speakerEditing: SpeakerEditing;
  readonly cityEditing: CityEditing;
  readonly channelEditing: ChannelEditing;
  readonly editionEditing: EditionEditing;
  readonly dayEditing: DayEditing;
  readonly auditLog: AuditLog;
  readonly programmeImport: ProgrammeImport;
  /** Participation rate limits (Redis-backed when REDIS_URL is set). */
  readonly rateLimiter: RateLimiter;
  /** Wakes the outbox relay after a transaction that added live events commits. */
  readonly liveEvents: LiveEvents;
  /** The real-time hub (viewer counts for the live stage). */
  readonly hub: Hub;
  readonly questions: QuestionService;
  readonly pollModeration: PollModeration;
  readonly pollParticipation: PollParticipation;
  readonly chatMessaging: ChatMessaging;
  readonly chatModeration: ChatModeration;
  readonly chatReactions: ChatReactions;
  /** A stage's outside destinations, for producers in the console. */
  readonly destinationEditing: DestinationEditing;
  /** The running relays to outside destinations; absent until the broadcast pipeline is wired. */
  readonly simulcast?: Simulcast;
  /** Producers' go-live/stop and stream keys; the broadcast facts of sessions for pages. */
  readonly broadcastControl: BroadcastControl;
  /** The stage broadcaster's source status per stage, when broadcasting is wired (the lead's stageBroadcaster). */
  readonly broadcast?: StageBroadcasts;
}

const key = Symbol.for('madang.app-context');
type Holder = { [key]?: AppContext };

export function provideContext(context: AppContext): void {
  (globalThis as Holder)[key] = context;
}

export function appContext(): AppContext {
  const context = (globalThis as Holder)[key];
  if (!context) throw new Error('Madang was started without its services; start it with `npm start`.');
  return context;
}
