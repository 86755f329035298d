/**
 * The pub/sub port between hub nodes. The bus numbers each event (one
 * monotonic sequence per channel, shared by every node), delivers it to every
 * node in sequence order, and may keep a longer history than a node does.
 * Adapters: `MemoryBus` (one process) and `RedisBus` (several nodes).
 */
import type { NumberedEvent, UnnumberedEvent } from './frames.js';

export interface BusReceiver {
  /** One numbered event; per channel in sequence order, except across a reconnection. */
  event(event: NumberedEvent): void;
  /** The bus was cut off and is back: events may have been missed on any channel. */
  resumed(): void;
  /** Another node's viewer counts (channel → count); absent channels are unchanged. */
  viewers(node: string, counts: ReadonlyMap<string, number>): void;
}

export interface Bus {
  /** This node's name among the nodes sharing the bus. */
  readonly node: string;
  listen(receiver: BusReceiver): Promise<void>;
  /** Numbers the event and delivers it to every node, this one included; resolves to its sequence number. */
  publish(event: UnnumberedEvent): Promise<number>;
  /** The channel's current sequence number (its newest event's, or where a new channel starts). */
  position(channel: string): Promise<number>;
  /**
   * The events after `seq` the bus still keeps, oldest first and contiguous
   * from `seq + 1`, none older than `maxAgeMs`; null when it does not keep
   * them (the hub then falls back to its own history or a snapshot).
   */
  eventsAfter(channel: string, seq: number, maxAgeMs: number): Promise<NumberedEvent[] | null>;
  /** Shares this node's viewer counts with the other nodes (no-op for one node). */
  shareViewers(counts: ReadonlyMap<string, number>): void;
  close(): Promise<void>;
}
