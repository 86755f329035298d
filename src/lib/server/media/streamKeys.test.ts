import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Signer } from '../auth/signer.js';
import { StageStreamKeys } from './streamKeys.js';

const secret = randomBytes(32).toString('base64url');

function keysWith(generations: Record<string, number>) {
  return new StageStreamKeys(new Signer(secret), {
    streamKeyGeneration: async (stageId) => generations[stageId] ?? null
  });
}

describe('stage stream keys', () => {
  it('derives the key from the instance secret, the stage and its generation', async () => {
    const key = await keysWith({ 'seoul-on': 1 }).keyFor('seoul-on');
    const mac = createHmac('sha256', Buffer.from(secret, 'base64url'))
      .update('stream-key:seoul-on:1')
      .digest('base64url')
      .slice(0, 32);
    expect(key).toBe(`seoul-on.${mac}`);
  });

  it('opens the stage with its key and refuses a wrong, foreign or malformed one', async () => {
    const keys = keysWith({ 'seoul-on': 1, 'helsinki-hall': 1 });
    const key = (await keys.keyFor('seoul-on')) as string;
    expect(await keys.stageForKey(key)).toBe('seoul-on');
    const other = (await keys.keyFor('helsinki-hall')) as string;
    expect(await keys.stageForKey(`seoul-on.${other.split('.')[1]}`)).toBeNull();
    expect(await keys.stageForKey(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await keys.stageForKey('seoul-on')).toBeNull();
    expect(await keys.stageForKey('')).toBeNull();
    expect(await keys.stageForKey(`${key}x`)).toBeNull();
  });

  it('refuses a key for a stage that does not exist', async () => {
    const key = (await keysWith({ gone: 1 }).keyFor('gone')) as string;
    expect(await keysWith({}).stageForKey(key)).toBeNull();
    expect(await keysWith({}).keyFor('gone')).toBeNull();
  });

  it('stops accepting the old key as soon as the generation moves on (rotate)', async () => {
    const generations = { 'seoul-on': 1 };
    const keys = keysWith(generations);
    const old = (await keys.keyFor('seoul-on')) as string;
    generations['seoul-on'] = 2;
    const fresh = (await keys.keyFor('seoul-on')) as string;
    expect(fresh).not.toBe(old);
    expect(await keys.stageForKey(old)).toBeNull();
    expect(await keys.stageForKey(fresh)).toBe('seoul-on');
  });

  it('gives another instance (another secret) other keys', async () => {
    const mine = (await keysWith({ 'seoul-on': 1 }).keyFor('seoul-on')) as string;
    const theirs = new StageStreamKeys(new Signer(randomBytes(32).toString('base64url')), {
      streamKeyGeneration: async () => 1
    });
    expect(await theirs.stageForKey(mine)).toBeNull();
  });
});
