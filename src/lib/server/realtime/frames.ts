/**
 * What the hub sends (protocol version 1). An event is serialised once, where
 * it is published: its JSON is split around the sequence number so the bus
 * (in memory or a Redis script) can number it without parsing it again, and
 * every node turns it into one Buffer that goes, unchanged, to every viewer.
 */
import { protocolVersion, type ProtocolProblem } from './protocol.js';

/** `question.asked`, `poll.opened`: lowercase words joined by dots, dashes or underscores. */
export const eventNamePattern = /^[a-z][a-z0-9_.-]{0,63}$/;

/** An event before the bus numbers it: the frame is `head + seq + tail`. */
export interface UnnumberedEvent {
  readonly channel: string;
  /** Publication time, epoch milliseconds; the history ages events by it. */
  readonly at: number;
  readonly head: string;
  readonly tail: string;
}

/** An event the bus numbered, as every node receives it. */
export interface NumberedEvent {
  readonly channel: string;
  readonly seq: number;
  readonly at: number;
  /** The whole `event` frame, ready for the socket. */
  readonly frame: Buffer;
}

/**
 * Prepares an event frame. `channel` and `name` are validated by the caller,
 * so only the payload needs JSON escaping: this is the one JSON.stringify of
 * a broadcast.
 */
export function unnumberedEvent(channel: string, name: string, data: unknown, at: number): UnnumberedEvent {
  const payload = JSON.stringify(data);
  if (payload === undefined) throw new TypeError('an event payload must be JSON (not undefined or a function)');
  return {
    channel,
    at,
    head: `{"v":${protocolVersion},"type":"event","channel":"${channel}","seq":`,
    tail: `,"name":"${name}","at":${at},"data":${payload}}`
  };
}

export function numberedFrame(event: UnnumberedEvent, seq: number): Buffer {
  return Buffer.from(`${event.head}${seq}${event.tail}`, 'utf8');
}

/** Frames for one viewer (replies, errors); small, built per viewer. */
export type HubMessage =
  | { type: 'welcome'; heartbeatMs: number; maxMessageBytes: number }
  | { type: 'subscribed'; channel: string; seq: number; viewers: number }
  | { type: 'unsubscribed'; channel: string }
  | { type: 'snapshot'; channel: string; seq: number; data: unknown }
  | { type: 'snapshot-required'; channel: string; seq: number }
  | { type: 'viewers'; channel: string; count: number }
  | { type: 'pong'; id?: string }
  | ({ type: 'error' } & ProtocolProblem);

export function hubFrame(message: HubMessage): Buffer {
  return Buffer.from(JSON.stringify({ v: protocolVersion, ...message }), 'utf8');
}
