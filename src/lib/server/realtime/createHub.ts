/**
 * Wires the hub from the configuration: the Redis bus when REDIS_URL is set
 * (several app nodes), the in-memory bus otherwise (one process). Failures of
 * the bus or a socket go to the log, never to a viewer.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Bus } from './bus.js';
import { Hub, type HubOptions } from './hub.js';
import { MemoryBus } from './memoryBus.js';
import { RedisBus } from './redisBus.js';

/** Redis did not answer at start; the process prints the message and exits. */
export class HubUnavailableError extends Error {
  override readonly name = 'HubUnavailableError';
}

export async function createHub(config: Pick<Config, 'redisUrl'>, log: Logger, options: HubOptions = {}): Promise<Hub> {
  const onFailure = (error: unknown, context: string) => log.warn({ err: error, context }, 'real-time hub problem');
  const bus: Bus = config.redisUrl ? new RedisBus(config.redisUrl, { onFailure }) : new MemoryBus();
  const hub = new Hub(bus, { onFailure, ...options });
  try {
    await hub.start();
  } catch (error) {
    await bus.close().catch(() => undefined);
    throw new HubUnavailableError(
      `could not reach Redis at REDIS_URL for the real-time hub: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  return hub;
}
