/**
 * Moderators (and admins, producers) of an edition looking after its chat:
 * delete a message for everyone, mute the author of a message on the
 * edition and unmute them, set slow mode per session, and keep the
 * edition's word filter. Permission first, then the input, then one
 * transaction per change with its audit entry; events go out after commit.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/access/policies.js';
import { canModerate } from '../../domain/access/policies.js';
import type { AuditEntry } from '../../domain/editing/audit.js';
import type { LocalizedText } from '../../domain/localizedText.js';
import { isChatMessageId } from '../../domain/participation/chat/chatMessageId.js';
import { readSlowModeSeconds } from '../../domain/participation/chat/slowMode.js';
import { resolveWordList, type WordListProblem } from '../../domain/participation/chat/wordListInput.js';
import {
  chatRecordTypes,
  type ChatMessage,
  type ChatRepository,
  type ChatSessionRef,
  type MutedParticipant
} from '../db/chatRepository.js';
import { chatPageSize } from './chatMessaging.js';
import type { LiveEvents } from '../realtime/outboxRelay.js';

export interface ChatAuditReader {
  forEdition(editionId: string, limit: number, recordTypes: readonly string[]): Promise<AuditEntry[]>;
}

/** A participant as moderators tell them apart: a short tag (not their id) and whether they are signed in. */
export interface ParticipantLabel {
  readonly tag: string;
  readonly isAccount: boolean;
}

export interface ModeratedMessage extends ChatMessage {
  readonly author: ParticipantLabel;
  readonly authorIsMuted: boolean;
}

export interface ChatModerationView {
  readonly status: 'found';
  readonly session: ChatSessionRef;
  readonly messages: readonly ModeratedMessage[];
  readonly hasEarlier: boolean;
  readonly muted: readonly (MutedParticipant & { readonly author: ParticipantLabel })[];
  readonly slowModeSeconds: number;
  readonly audit: readonly AuditEntry[];
}

export type Refused = { readonly status: 'forbidden' } | { readonly status: 'not_found' };
export type ModerationOutcome = { readonly status: 'saved' | 'unchanged' } | Refused;

export interface WordFilterView {
  readonly status: 'found';
  readonly edition: {
    readonly editionId: string;
    readonly editionSlug: string;
    readonly title: LocalizedText;
    readonly defaultLocale: string;
  };
  readonly words: readonly string[];
  readonly version: number;
  readonly audit: readonly AuditEntry[];
}

export type WordFilterSave =
  | { readonly status: 'saved' | 'unchanged'; readonly count: number }
  | { readonly status: 'invalid'; readonly problem: WordListProblem }
  | { readonly status: 'conflict'; readonly current: readonly string[]; readonly version: number }
  | Refused;

/** Participant ids as the foundation issues them: `p:<22 base64url>` or `account:<uuid>` (bounded, so a forged field is refused early). */
const participantIdPattern = /^(p:[A-Za-z0-9_-]{1,64}|account:[0-9a-f-]{36})$/;

export function participantLabel(participantId: string): ParticipantLabel {
  return {
    tag: createHash('sha256').update(participantId).digest('hex').slice(0, 6),
    isAccount: participantId.startsWith('account:')
  };
}

export class ChatModeration {
  readonly #clock: () => Date;

  constructor(
    private readonly chat: ChatRepository,
    private readonly audit: ChatAuditReader,
    private readonly liveEvents: LiveEvents,
    clock?: () => Date
  ) {
    this.#clock = clock ?? (() => new Date());
  }

  private async open(actor: Actor, editionSlug: string, sessionId: string): Promise<ChatSessionRef | Refused> {
    const session = await this.chat.findSession(editionSlug, sessionId);
    if (!session) return { status: 'not_found' };
    if (!canModerate(actor, session.editionId)) return { status: 'forbidden' };
    return session;
  }

  async view(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    beforeId: string | null = null
  ): Promise<ChatModerationView | Refused> {
    const session = await this.open(actor, editionSlug, sessionId);
    if ('status' in session) return session;
    const page = await this.chat.page(session.sessionId, {
      limit: chatPageSize,
      beforeId: isChatMessageId(beforeId) ? beforeId : null,
      includeDeleted: true
    });
    const muted = await this.chat.mutedParticipants(session.editionId);
    const mutedIds = new Set(muted.map((m) => m.participantId));
    return {
      status: 'found',
      session,
      messages: page.messages.map((m) => ({
        ...m,
        author: participantLabel(m.participantId),
        authorIsMuted: mutedIds.has(m.participantId)
      })),
      hasEarlier: page.hasEarlier,
      muted: muted.map((m) => ({ ...m, author: participantLabel(m.participantId) })),
      slowModeSeconds: await this.chat.slowModeSeconds(session.sessionId),
      audit: await this.audit.forEdition(session.editionId, 50, chatRecordTypes)
    };
  }

  async deleteMessage(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    messageId: string
  ): Promise<ModerationOutcome> {
    const session = await this.open(actor, editionSlug, sessionId);
    if ('status' in session) return session;
    const outcome = await this.chat.remove(
      session.editionId,
      session.sessionId,
      messageId,
      { accountId: actor.id },
      this.#clock()
    );
    if (outcome === 'not_found') return { status: 'not_found' };
    if (outcome === 'saved') this.liveEvents.afterCommit();
    return { status: outcome };
  }

  /** Mutes the author of a message of this session on the whole edition. */
  async muteAuthor(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    messageId: string
  ): Promise<ModerationOutcome> {
    const session = await this.open(actor, editionSlug, sessionId);
    if ('status' in session) return session;
    const message = await this.chat.find(session.sessionId, messageId);
    if (!message) return { status: 'not_found' };
    return {
      status: await this.chat.setMuted(
        session.editionId,
        message.participantId,
        true,
        { accountId: actor.id },
        this.#clock()
      )
    };
  }

  async unmute(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    participantId: string
  ): Promise<ModerationOutcome> {
    const session = await this.open(actor, editionSlug, sessionId);
    if ('status' in session) return session;
    if (!participantIdPattern.test(participantId)) return { status: 'not_found' };
    return {
      status: await this.chat.setMuted(session.editionId, participantId, false, { accountId: actor.id }, this.#clock())
    };
  }

  async setSlowMode(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    rawSeconds: unknown
  ): Promise<ModerationOutcome | { readonly status: 'invalid' }> {
    const session = await this.open(actor, editionSlug, sessionId);
    if ('status' in session) return session;
    const seconds = readSlowModeSeconds(rawSeconds);
    if (seconds === null) return { status: 'invalid' };
    const outcome = await this.chat.setSlowMode(
      session.editionId,
      session.sessionId,
      seconds,
      { accountId: actor.id },
      this.#clock()
    );
    if (outcome === 'saved') this.liveEvents.afterCommit();
    return { status: outcome };
  }

  private async openEdition(actor: Actor, editionSlug: string) {
    const edition = await this.chat.findEdition(editionSlug);
    if (!edition) return { status: 'not_found' } as const;
    if (!canModerate(actor, edition.editionId)) return { status: 'forbidden' } as const;
    return edition;
  }

  async wordFilter(actor: Actor, editionSlug: string): Promise<WordFilterView | Refused> {
    const edition = await this.openEdition(actor, editionSlug);
    if ('status' in edition) return edition;
    const { words, version } = await this.chat.wordFilter(edition.editionId);
    return {
      status: 'found',
      edition,
      words,
      version,
      audit: await this.audit.forEdition(edition.editionId, 50, ['word_filter'])
    };
  }

  async saveWordFilter(
    actor: Actor,
    editionSlug: string,
    rawWords: unknown,
    baseVersion: number
  ): Promise<WordFilterSave> {
    const edition = await this.openEdition(actor, editionSlug);
    if ('status' in edition) return edition;
    const resolved = resolveWordList(rawWords);
    if (!resolved.ok) return { status: 'invalid', problem: resolved.problem };
    const saved = await this.chat.saveWordFilter(
      edition.editionId,
      resolved.words,
      baseVersion,
      { accountId: actor.id },
      this.#clock()
    );
    if (saved.status === 'conflict') return saved;
    return { status: saved.status, count: resolved.words.length };
  }
}
