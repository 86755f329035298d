/**
 * The bus for several app nodes, over Redis. One Lua script per publish
 * numbers the event (a counter key per channel, started from the clock when
 * missing), appends the frame to the channel's stream (id `<seq>-1`, capped
 * length) and publishes it on one pub/sub channel every node listens to —
 * atomically, so sequence order, stream order and delivery order agree.
 * After a reconnection the node resubscribes and the hub fills gaps from the
 * stream (docs/adr/008-realtime-hub.md).
 */
import { Redis } from 'ioredis';
import { startingSequence } from '../../domain/realtime/channel.js';
import type { Bus, BusReceiver } from './bus.js';
import type { NumberedEvent, UnnumberedEvent } from './frames.js';

export interface RedisBusOptions {
  /** Key and pub/sub prefix, so tests (or two forums) can share one Redis. */
  readonly prefix?: string;
  /** Events kept per channel stream (approximate, Redis trims in whole nodes). */
  readonly streamLength?: number;
  /** Counters and streams of channels quiet for this long expire. */
  readonly idleExpiryMs?: number;
  readonly node?: string;
  readonly onFailure?: (error: unknown, context: string) => void;
}

// KEYS: counter, stream. ARGV: head, tail, at, pub/sub channel, channel,
// stream length, expiry ms. The starting point comes from Redis's own clock
// so every node agrees; string.format keeps 16-digit numbers exact.
const publishScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  local t = redis.call('TIME')
  redis.call('SET', KEYS[1], string.format('%d', tonumber(t[1]) * 1000000 + math.floor(tonumber(t[2]) / 1000) * 1000))
end
local seq = redis.call('INCR', KEYS[1])
local s = string.format('%d', seq)
local frame = ARGV[1] .. s .. ARGV[2]
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[6], s .. '-1', 'at', ARGV[3], 'f', frame)
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('PEXPIRE', KEYS[2], ARGV[7])
redis.call('PUBLISH', ARGV[4], ARGV[5] .. '\\n' .. s .. '\\n' .. ARGV[3] .. '\\n' .. frame)
return seq
`;

// KEYS: counter. ARGV: expiry ms. The current position, creating it if missing.
const positionScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  local t = redis.call('TIME')
  redis.call('SET', KEYS[1], string.format('%d', tonumber(t[1]) * 1000000 + math.floor(tonumber(t[2]) / 1000) * 1000), 'PX', ARGV[1])
end
return redis.call('GET', KEYS[1])
`;

export class RedisBus implements Bus {
  readonly node: string;
  readonly #commands: Redis;
  readonly #listener: Redis;
  readonly #prefix: string;
  readonly #streamLength: number;
  readonly #idleExpiryMs: number;
  #receiver: BusReceiver | null = null;

  constructor(
    url: string,
    private readonly options: RedisBusOptions = {}
  ) {
    this.#prefix = options.prefix ?? 'madang:realtime:';
    this.#streamLength = options.streamLength ?? 1000;
    this.#idleExpiryMs = options.idleExpiryMs ?? 24 * 60 * 60_000;
    this.node = options.node ?? `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
    // A bounded number of retries: a publish during an outage fails rather than hanging a service.
    this.#commands = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: true });
    this.#listener = new Redis(url, { autoResubscribe: false, lazyConnect: true });
    this.#commands.on('error', (error) => this.#fail(error, 'redis commands'));
    this.#listener.on('error', (error) => this.#fail(error, 'redis listener'));
    this.#commands.defineCommand('madangPublish', { numberOfKeys: 2, lua: publishScript });
    this.#commands.defineCommand('madangPosition', { numberOfKeys: 1, lua: positionScript });
  }

  get #events(): string {
    return `${this.#prefix}events`;
  }

  get #viewers(): string {
    return `${this.#prefix}viewers`;
  }

  async listen(receiver: BusReceiver): Promise<void> {
    this.#receiver = receiver;
    this.#listener.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#hear(channel.toString(), message));
    let connections = 0;
    // Subscribing ourselves on every 'ready' (instead of ioredis's automatic
    // resubscription) tells us when we are listening again, so the hub can
    // fill what it missed only after nothing more can slip past.
    this.#listener.on('ready', () => {
      connections += 1;
      if (connections === 1) return;
      this.#listener.subscribe(this.#events, this.#viewers).then(
        () => this.#receiver?.resumed(),
        (error: unknown) => this.#fail(error, 'redis resubscribe')
      );
    });
    await Promise.all([this.#commands.connect(), this.#listener.connect()]);
    await this.#listener.subscribe(this.#events, this.#viewers);
  }

  async publish(event: UnnumberedEvent): Promise<number> {
    const run = (this.#commands as unknown as { madangPublish: (...args: (string | number)[]) => Promise<number> })
      .madangPublish;
    const seq = await run.call(
      this.#commands,
      this.#counterKey(event.channel),
      this.#streamKey(event.channel),
      event.head,
      event.tail,
      event.at,
      this.#events,
      event.channel,
      this.#streamLength,
      this.#idleExpiryMs
    );
    return Number(seq);
  }

  async position(channel: string): Promise<number> {
    const run = (this.#commands as unknown as { madangPosition: (...args: (string | number)[]) => Promise<string> })
      .madangPosition;
    const position = Number(await run.call(this.#commands, this.#counterKey(channel), this.#idleExpiryMs));
    return Number.isSafeInteger(position) ? position : startingSequence(Date.now());
  }

  async eventsAfter(channel: string, seq: number, maxAgeMs: number): Promise<NumberedEvent[] | null> {
    const entries = await this.#commands.xrange(
      this.#streamKey(channel),
      `(${seq}-1`,
      '+',
      'COUNT',
      this.#streamLength
    );
    const oldestAllowed = Date.now() - maxAgeMs;
    const events: NumberedEvent[] = [];
    for (const [id, fields] of entries) {
      const at = Number(fieldOf(fields, 'at'));
      const frame = fieldOf(fields, 'f');
      const eventSeq = Number(id.slice(0, id.indexOf('-')));
      if (frame === undefined || !Number.isSafeInteger(eventSeq)) return null;
      if (events.length === 0 && (eventSeq !== seq + 1 || at < oldestAllowed)) return null;
      events.push({ channel, seq: eventSeq, at, frame: Buffer.from(frame, 'utf8') });
    }
    return events;
  }

  shareViewers(counts: ReadonlyMap<string, number>): void {
    const lines = [this.node, ...[...counts].map(([channel, count]) => `${channel} ${count}`)];
    this.#commands
      .publish(this.#viewers, lines.join('\n'))
      .catch((error: unknown) => this.#fail(error, 'redis share viewers'));
  }

  async close(): Promise<void> {
    this.#receiver = null;
    this.#listener.disconnect();
    await this.#commands.quit().catch(() => this.#commands.disconnect());
  }

  /** For tests: drops this node's listening connection and lets it reconnect, as a Redis restart would. */
  interruptListener(): void {
    this.#listener.disconnect(true);
  }

  #hear(pubsubChannel: string, message: Buffer): void {
    const receiver = this.#receiver;
    if (!receiver) return;
    if (pubsubChannel === this.#events) {
      const first = message.indexOf(10);
      const second = message.indexOf(10, first + 1);
      const third = message.indexOf(10, second + 1);
      if (first < 0 || second < 0 || third < 0)
        return this.#fail(new Error('unreadable event on the bus'), 'redis listener');
      receiver.event({
        channel: message.toString('utf8', 0, first),
        seq: Number(message.toString('latin1', first + 1, second)),
        at: Number(message.toString('latin1', second + 1, third)),
        frame: message.subarray(third + 1)
      });
    } else if (pubsubChannel === this.#viewers) {
      const [node, ...lines] = message.toString('utf8').split('\n');
      if (!node || node === this.node) return;
      const counts = new Map<string, number>();
      for (const line of lines) {
        const [channel, count] = line.split(' ');
        if (channel && Number.isSafeInteger(Number(count))) counts.set(channel, Number(count));
      }
      receiver.viewers(node, counts);
    }
  }

  #counterKey(channel: string): string {
    return `${this.#prefix}seq:${channel}`;
  }

  #streamKey(channel: string): string {
    return `${this.#prefix}stream:${channel}`;
  }

  #fail(error: unknown, context: string): void {
    this.options.onFailure?.(error, context);
  }
}

function fieldOf(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
