/**
 * What a viewer may send the hub (protocol version 1, docs/realtime-protocol.md),
 * checked with one zod schema per message before anything acts on it. A
 * message that fails becomes a `ProtocolProblem` with a stable code and a
 * sentence for the developer reading the socket; the connection stays open.
 */
import { z } from 'zod';
import { maxChannelNameLength, parseChannel } from '../../domain/realtime/channel.js';

export const protocolVersion = 1;

const channel = z
  .string()
  .max(maxChannelNameLength)
  .refine((name) => parseChannel(name) !== null, 'not a channel name');

const subscribe = z.strictObject({
  v: z.literal(protocolVersion),
  type: z.literal('subscribe'),
  channel,
  /** The last sequence number the viewer has seen on this channel. */
  since: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional()
});
const unsubscribe = z.strictObject({ v: z.literal(protocolVersion), type: z.literal('unsubscribe'), channel });
const ping = z.strictObject({
  v: z.literal(protocolVersion),
  type: z.literal('ping'),
  id: z.string().max(64).optional()
});

export const viewerMessageSchema = z.discriminatedUnion('type', [subscribe, unsubscribe, ping]);
export type ViewerMessage = z.infer<typeof viewerMessageSchema>;

export const protocolProblemCodes = [
  'realtime.not_text',
  'realtime.bad_json',
  'realtime.unsupported_version',
  'realtime.invalid_message',
  'realtime.channel_invalid',
  'realtime.too_many_subscriptions'
] as const;
export type ProtocolProblemCode = (typeof protocolProblemCodes)[number];

export interface ProtocolProblem {
  readonly code: ProtocolProblemCode;
  readonly text: string;
  /** The channel the message named, when it named a valid-looking one. */
  readonly channel?: string;
}

export type ReadResult =
  { readonly ok: true; readonly message: ViewerMessage } | { readonly ok: false; readonly problem: ProtocolProblem };

const problem = (code: ProtocolProblemCode, text: string): ReadResult => ({ ok: false, problem: { code, text } });

/** Reads one inbound frame. Never throws. */
export function readViewerMessage(data: Buffer, isBinary: boolean): ReadResult {
  if (isBinary)
    return problem('realtime.not_text', 'Send text frames holding JSON; binary frames are not part of the protocol.');
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch {
    return problem('realtime.bad_json', 'The message is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problem('realtime.invalid_message', 'A message is a JSON object such as {"v":1,"type":"ping"}.');
  }
  const version = (value as { v?: unknown }).v;
  if (version !== protocolVersion) {
    return problem(
      'realtime.unsupported_version',
      version === undefined
        ? `The message has no protocol version; add "v":${protocolVersion}.`
        : `Protocol version ${JSON.stringify(version)} is not supported; this server speaks version ${protocolVersion}.`
    );
  }
  const parsed = viewerMessageSchema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.path[0] === 'channel') {
    return problem(
      'realtime.channel_invalid',
      'The channel must be session:<id> or edition:<id>, where an id is lowercase letters, digits and dashes.'
    );
  }
  const where = issue && issue.path.length > 0 ? ` (at "${issue.path.join('.')}")` : '';
  return problem(
    'realtime.invalid_message',
    `The message does not match any message type of protocol version ${protocolVersion}${where}: ${issue?.message ?? 'unreadable'}.`
  );
}
