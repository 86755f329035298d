/**
 * The bus for a single node: numbers events in process and hands them
 * straight back to the hub. It keeps no history of its own; the hub's
 * per-channel history is all there is.
 */
import { startingSequence } from '../../domain/realtime/channel.js';
import type { Bus, BusReceiver } from './bus.js';
import { numberedFrame, type NumberedEvent, type UnnumberedEvent } from './frames.js';

export class MemoryBus implements Bus {
  readonly node = 'local';
  readonly #positions = new Map<string, number>();
  #receiver: BusReceiver | null = null;

  constructor(private readonly clock: () => number = Date.now) {}

  async listen(receiver: BusReceiver): Promise<void> {
    this.#receiver = receiver;
  }

  async publish(event: UnnumberedEvent): Promise<number> {
    // Numbered synchronously: two publishes in flight never share a number.
    const seq = this.#position(event.channel) + 1;
    this.#positions.set(event.channel, seq);
    this.#receiver?.event({ channel: event.channel, seq, at: event.at, frame: numberedFrame(event, seq) });
    return seq;
  }

  async position(channel: string): Promise<number> {
    return this.#position(channel);
  }

  #position(channel: string): number {
    let position = this.#positions.get(channel);
    if (position === undefined) {
      position = startingSequence(this.clock());
      this.#positions.set(channel, position);
    }
    return position;
  }

  async eventsAfter(): Promise<NumberedEvent[] | null> {
    return null;
  }

  shareViewers(): void {}

  async close(): Promise<void> {
    this.#receiver = null;
  }
}
