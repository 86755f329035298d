/**
 * The live-stage ports the poll services use, shaped exactly as the live
 * stage contract names them (ADR 010): the outbox insert that runs inside a
 * write's transaction, the wake-up after commit, and the rate limiter. The
 * foundation's real ones are passed in where the app is wired; these types
 * only let the poll services and their tests stand on their own.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';

export interface LiveEvent {
  readonly channel: string;
  readonly name: string;
  readonly data: unknown;
}

/** Inserts the event in the caller's transaction, so it exists iff the write committed. */
export type AddToOutbox = (db: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>, event: LiveEvent) => Promise<void>;

/** Publishes promptly after a commit (the relay polls anyway, so a lost wake-up loses nothing). */
export interface LiveEvents {
  afterCommit(): void;
}

export interface RateRule {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export interface RateLimiter {
  take(rule: RateRule, key: string): Promise<RateDecision>;
}

/** Checks the per-participant rule, then the per-address one; the first refusal wins. */
export type TakeParticipationAllowance = (
  limiter: RateLimiter,
  rules: { readonly perParticipant: RateRule; readonly perAddress: RateRule },
  participantId: string,
  address: string
) => Promise<RateDecision>;

/** What a service needs to publish its changes: both halves of the outbox. */
export interface LivePublishing {
  readonly addToOutbox: AddToOutbox;
  readonly liveEvents: LiveEvents;
}
