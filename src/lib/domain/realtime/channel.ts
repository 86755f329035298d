/**
 * Real-time channel names: one channel per session (`session:<id>`) and one
 * per edition (`edition:<id>`), ids shaped like every other record id. The
 * hub, the protocol and the bus all go through `parseChannel`, so a name that
 * passes here is safe as a Redis key suffix and in a log line.
 */

export const channelKinds = ['session', 'edition'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export interface Channel {
  readonly kind: ChannelKind;
  readonly id: string;
  /** The canonical name, `<kind>:<id>`. */
  readonly name: string;
}

/** Longest channel name: the longest kind, a colon and a 63-character id. */
export const maxChannelNameLength = 'session:'.length + 63;

const channelPattern = /^(session|edition):([a-z0-9][a-z0-9-]{0,62})$/;

/** The channel a name stands for, or null when the name is not one. */
export function parseChannel(name: string): Channel | null {
  const match = channelPattern.exec(name);
  if (!match) return null;
  return { kind: match[1] as ChannelKind, id: match[2] as string, name };
}

export function channelName(kind: ChannelKind, id: string): string {
  const name = `${kind}:${id}`;
  if (!parseChannel(name)) throw new RangeError(`not a channel id: ${JSON.stringify(id)}`);
  return name;
}

/**
 * The sequence number a channel starts from when nobody remembers it (first
 * use, a restarted single node, a Redis that lost its data): the clock in
 * milliseconds times 1000. A client's old sequence number is therefore
 * always below a restarted channel's, so it can never be mistaken for a
 * recent position; it stays a safe integer until the year 2255.
 */
export function startingSequence(nowMs: number): number {
  return Math.floor(nowMs) * 1000;
}
