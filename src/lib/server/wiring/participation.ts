/**
 * Wires live participation: the real-time hub, the outbox relay that
 * publishes committed events, rate limits (memory or Redis), questions, polls
 * and chat with its reactions. `close` stops them in order: reactions, the
 * relay, the hub, the rate limiter.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import type { AuditRepository } from '../db/auditRepository.js';
import { ChatRepository } from '../db/chatRepository.js';
import type { Db } from '../db/database.js';
import { OutboxRepository } from '../db/outboxRepository.js';
import { PollRepository } from '../db/pollRepository.js';
import type { ProgrammeRepository } from '../db/programmeRepository.js';
import { QuestionRepository } from '../db/questionRepository.js';
import { createRateLimiter, type RateLimiter } from '../rateLimits/rateLimiter.js';
import { createHub } from '../realtime/createHub.js';
import type { Hub } from '../realtime/hub.js';
import { OutboxRelay } from '../realtime/outboxRelay.js';
import { ChatMessaging } from '../services/chatMessaging.js';
import { ChatModeration } from '../services/chatModeration.js';
import { ChatReactions } from '../services/chatReactions.js';
import { PollModeration } from '../services/pollModeration.js';
import { PollParticipation } from '../services/pollParticipation.js';
import { QuestionService } from '../services/questionService.js';

export interface ParticipationWiring {
  readonly services: Pick<
    AppContext,
    | 'rateLimiter'
    | 'liveEvents'
    | 'hub'
    | 'questions'
    | 'pollModeration'
    | 'pollParticipation'
    | 'chatMessaging'
    | 'chatModeration'
    | 'chatReactions'
  >;
  readonly hub: Hub;
  /** Publishes outbox rows after commit; the broadcast control's live events go through it too. */
  readonly liveEvents: OutboxRelay;
  close(): Promise<void>;
}

export async function wireParticipation(deps: {
  readonly config: Config;
  readonly db: Db;
  readonly log: Logger;
  readonly programmeRepository: ProgrammeRepository;
  readonly audit: AuditRepository;
  /** Replaces the configured rate limiter (the test server's MADANG_TEST_UNLIMITED). */
  readonly rateLimiter?: RateLimiter;
  readonly clock?: () => Date;
}): Promise<ParticipationWiring> {
  const { config, db, log, clock } = deps;
  const hub = await createHub(config, log);
  const outboxRelay = new OutboxRelay(new OutboxRepository(db), hub, {
    onFailure: (error, context) => log.warn({ err: error, context }, 'outbox relay problem')
  });
  outboxRelay.start();
  const rateLimits = createRateLimiter(config, (error) => log.warn({ err: error }, 'rate limiter problem'));
  const rateLimiter = deps.rateLimiter ?? rateLimits.limiter;
  const livePublishing = { liveEvents: outboxRelay };
  const pollRepository = new PollRepository(db);
  const chatRepository = new ChatRepository(db);
  // Reactions go straight through the hub, not the outbox: ephemeral by design (ADR 013).
  const chatReactions = new ChatReactions({
    rateLimiter,
    publish: (channel, name, data) => hub.publish(channel, name, data),
    onFailure: (error) => log.warn({ err: error }, 'reaction burst not published')
  });
  chatReactions.start();
  const chatMessaging = new ChatMessaging(chatRepository, { rateLimiter, liveEvents: outboxRelay, clock });
  return {
    hub,
    liveEvents: outboxRelay,
    services: {
      rateLimiter,
      liveEvents: outboxRelay,
      hub,
      questions: new QuestionService(new QuestionRepository(db), {
        limiter: rateLimiter,
        liveEvents: outboxRelay,
        // One word filter per edition, kept with the chat's settings, screens questions too.
        screenText: (editionId, text) => chatMessaging.screenText(editionId, text),
        clock
      }),
      pollModeration: new PollModeration(deps.programmeRepository, pollRepository, livePublishing),
      pollParticipation: new PollParticipation(pollRepository, { ...livePublishing, rateLimiter }),
      chatMessaging,
      chatModeration: new ChatModeration(chatRepository, deps.audit, outboxRelay, clock),
      chatReactions
    },
    close: async () => {
      await chatReactions.close();
      await outboxRelay.close();
      await hub.close();
      await rateLimits.close();
    }
  };
}
