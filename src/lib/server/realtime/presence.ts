/**
 * Live viewer counts per channel, summed over every hub node. This node's
 * count is the size of a channel's subscriber set (an O(1) read); other
 * nodes' counts arrive through the bus. Nothing is computed per viewer or per
 * event: a join or leave only marks the channel, and a tick (once a second by
 * default) broadcasts the channels whose total changed, at most once each.
 */

export interface PresenceDependencies {
  readonly localCount: (channel: string) => number;
  readonly broadcast: (channel: string, count: number) => void;
  readonly share: (counts: ReadonlyMap<string, number>) => void;
  readonly clock: () => number;
  /** Another node's count is forgotten when not repeated within this time. */
  readonly staleAfterMs: number;
}

interface RemoteCount {
  count: number;
  seenAt: number;
}

export class Presence {
  /** Channels whose total may have changed since the last tick. */
  readonly #changed = new Set<string>();
  /** Channels whose count on this node changed since it was last shared. */
  readonly #unshared = new Set<string>();
  /** channel → node → count */
  readonly #remote = new Map<string, Map<string, RemoteCount>>();
  /** The total last broadcast per channel. */
  readonly #shown = new Map<string, number>();

  constructor(private readonly deps: PresenceDependencies) {}

  localChanged(channel: string): void {
    this.#changed.add(channel);
    this.#unshared.add(channel);
  }

  remoteCounts(node: string, counts: ReadonlyMap<string, number>): void {
    const now = this.deps.clock();
    for (const [channel, count] of counts) {
      let nodes = this.#remote.get(channel);
      if (!nodes) this.#remote.set(channel, (nodes = new Map()));
      if (count === 0) nodes.delete(node);
      else nodes.set(node, { count, seenAt: now });
      if (nodes.size === 0) this.#remote.delete(channel);
      this.#changed.add(channel);
    }
  }

  total(channel: string): number {
    let total = this.deps.localCount(channel);
    for (const remote of this.#remote.get(channel)?.values() ?? []) total += remote.count;
    return total;
  }

  /** Shares this node's changed counts and broadcasts changed totals. */
  tick(): void {
    if (this.#unshared.size > 0) {
      this.deps.share(new Map([...this.#unshared].map((channel) => [channel, this.deps.localCount(channel)])));
      this.#unshared.clear();
    }
    for (const channel of this.#changed) {
      const total = this.total(channel);
      if (total === (this.#shown.get(channel) ?? 0)) continue;
      if (total === 0) this.#shown.delete(channel);
      else this.#shown.set(channel, total);
      this.deps.broadcast(channel, total);
    }
    this.#changed.clear();
  }

  /**
   * Repeats every count this node has (so a new node learns them and others
   * keep trusting them) and forgets counts of nodes that went quiet.
   */
  refresh(localChannels: Iterable<string>): void {
    const counts = new Map<string, number>();
    for (const channel of localChannels) {
      const count = this.deps.localCount(channel);
      if (count > 0) counts.set(channel, count);
    }
    if (counts.size > 0) this.deps.share(counts);
    const oldestTrusted = this.deps.clock() - this.deps.staleAfterMs;
    for (const [channel, nodes] of this.#remote) {
      for (const [node, remote] of nodes) {
        if (remote.seenAt >= oldestTrusted) continue;
        nodes.delete(node);
        this.#changed.add(channel);
      }
      if (nodes.size === 0) this.#remote.delete(channel);
    }
  }
}
