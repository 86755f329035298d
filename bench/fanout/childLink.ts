/**
 * The orchestrator's handle on one child process (a server or a viewer
 * process): numbered requests over the IPC channel with a time limit each,
 * and a kill that always ends it. Every child started goes into one registry
 * so an error, SIGINT or the end of the run kills them all.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Request } from './benchEvent.js';

const started = new Set<ChildLink>();

interface Reply {
  readonly id: number;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: string;
}

export class ChildLink {
  readonly #child: ChildProcess;
  readonly #pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  readonly #first: Promise<unknown>;
  #nextId = 1;
  #exited = false;

  private constructor(
    readonly name: string,
    file: string,
    config: unknown,
    execArgv: string[]
  ) {
    this.#child = fork(file, [JSON.stringify(config)], {
      execArgv: ['--import', 'tsx', ...execArgv],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    });
    started.add(this);
    this.#first = new Promise((resolve, reject) =>
      this.#pending.set(0, {
        resolve,
        reject,
        timer: setTimeout(() => reject(new Error(`${name} did not start within 30 s`)), 30_000)
      })
    );
    this.#child.on('message', (message: Reply) => this.#settle(message));
    this.#child.on('exit', (code, signal) => {
      this.#exited = true;
      started.delete(this);
      for (const [id, waiter] of this.#pending) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`${name} exited (${signal ?? code}) while a request was pending`));
        this.#pending.delete(id);
      }
    });
  }

  /** Starts a child and waits for its first message (id 0: ready). */
  static async start<T>(
    name: string,
    file: string,
    config: unknown,
    execArgv: string[] = []
  ): Promise<{ link: ChildLink; ready: T }> {
    const link = new ChildLink(name, file, config, execArgv);
    return { link, ready: (await link.#first) as T };
  }

  async request<T>(message: Request, timeoutMs: number): Promise<T> {
    if (this.#exited) throw new Error(`${this.name} has exited`);
    const id = this.#nextId++;
    const reply = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${this.name} did not answer ${message.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
    });
    this.#child.send({ id, ...message });
    return (await reply) as T;
  }

  /** Asks the child to exit, then kills it if it has not within a second. */
  async stop(): Promise<void> {
    if (this.#exited) return;
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 1_000);
    await exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.#exited) this.#child.kill('SIGKILL');
  }

  #settle(reply: Reply): void {
    const waiter = this.#pending.get(reply.id);
    if (!waiter) return;
    this.#pending.delete(reply.id);
    clearTimeout(waiter.timer);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new Error(`${this.name}: ${reply.error ?? 'failed'}`));
  }
}

/** Ends every child still running (synchronous: safe in exit handlers). */
export function killAllChildren(): void {
  for (const link of started) link.kill();
}

/** Child side: answers the orchestrator's requests; exits when the orchestrator goes away. */
export function serveRequests(handle: (request: Request) => Promise<unknown>): void {
  process.on('disconnect', () => process.exit(1));
  process.on('SIGTERM', () => process.exit(0));
  process.on('message', (message: Request & { id: number }) => {
    handle(message).then(
      (value) => process.send?.({ id: message.id, ok: true, value }),
      (error: unknown) =>
        process.send?.({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) })
    );
  });
}

/** Child side: the first message, telling the orchestrator the child is ready. */
export function announceReady(value: unknown): void {
  process.send?.({ id: 0, ok: true, value });
}

export function announceFailure(error: unknown): void {
  process.send?.({ id: 0, ok: false, error: error instanceof Error ? error.message : String(error) });
}
