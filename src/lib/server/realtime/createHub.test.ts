import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { createHub, HubUnavailableError } from './createHub.js';

const silent = pino({ level: 'silent' });

describe('wiring the hub from the configuration', () => {
  it('reads REDIS_URL and explains a bad one in a sentence', () => {
    expect(loadConfig({}).redisUrl).toBeNull();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: 'nonsense' })).toThrow(
      'Invalid REDIS_URL: REDIS_URL must look like redis://127.0.0.1:6379 (or rediss:// for TLS)'
    );
  });

  it('runs in process without Redis', async () => {
    const hub = await createHub({ redisUrl: null }, silent);
    expect(hub.bus.node).toBe('local');
    await hub.close();
  });

  it('says so in one line when Redis cannot be reached', async () => {
    // Port 1 on loopback: nothing listens there.
    await expect(createHub({ redisUrl: 'redis://127.0.0.1:1' }, silent)).rejects.toThrow(HubUnavailableError);
  });
});
