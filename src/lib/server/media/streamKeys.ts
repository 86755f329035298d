/**
 * Per-stage stream keys (ADR 016): `<stageId>.<32 characters of
 * base64url(HMAC-SHA-256(instance secret, "stream-key:<stageId>:<generation>"))>`.
 * Derived on demand, never stored: the stage's generation is the only state,
 * and raising it (rotate) makes the old key stop opening the stage at once.
 * Implements the ingest servers' `StreamKeys` port.
 */
import { timingSafeEqual } from 'node:crypto';
import type { StreamKeys } from './broadcastPorts.js';

/** What derives a key's secret part: `Signer` from the access services. */
export interface StreamKeyMac {
  streamKeyMac(stageId: string, generation: number): string;
}

/** The stage's current key generation, null for a stage that does not exist. */
export interface StreamKeyGenerations {
  streamKeyGeneration(stageId: string): Promise<number | null>;
}

const keyPattern = /^([a-z0-9][a-z0-9-]{0,62})\.([A-Za-z0-9_-]{32})$/;

export class StageStreamKeys implements StreamKeys {
  constructor(
    private readonly mac: StreamKeyMac,
    private readonly generations: StreamKeyGenerations
  ) {}

  /** The key that opens the stage now, or null when there is no such stage. */
  async keyFor(stageId: string): Promise<string | null> {
    const generation = await this.generations.streamKeyGeneration(stageId);
    return generation === null ? null : `${stageId}.${this.mac.streamKeyMac(stageId, generation)}`;
  }

  async stageForKey(key: string): Promise<string | null> {
    const match = keyPattern.exec(key);
    if (!match) return null;
    const [, stageId = '', given = ''] = match;
    const generation = await this.generations.streamKeyGeneration(stageId);
    // Compare even for an unknown stage, so a wrong stage and a wrong secret take the same time.
    const expected = this.mac.streamKeyMac(stageId, generation ?? 0);
    const same = timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    return same && generation !== null ? stageId : null;
  }
}
