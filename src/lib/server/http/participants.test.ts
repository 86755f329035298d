import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Signer } from '../auth/signer.js';
import { participantCookieName, resolveParticipant, type ParticipantEvent } from './participants.js';

const signer = new Signer(randomBytes(32).toString('base64url'));

function browser(cookie?: string, account: { id: string } | null = null, origin = 'http://forum.test') {
  const jar = new Map<string, { value: string; options: Record<string, unknown> }>();
  if (cookie !== undefined) jar.set(participantCookieName, { value: cookie, options: {} });
  const sets: string[] = [];
  const event: ParticipantEvent = {
    cookies: {
      get: (name: string) => jar.get(name)?.value,
      set: (name: string, value: string, options: object) => {
        sets.push(name);
        jar.set(name, { value, options: { ...options } });
      }
    },
    locals: { account },
    url: new URL(`${origin}/seoul-2020/sessions/opening`)
  };
  return { event, jar, sets };
}

describe('participant identity', () => {
  it('issues a sealed, HttpOnly, year-long cookie once and recognises it afterwards', () => {
    const first = browser();
    const participant = resolveParticipant(first.event, signer, true);
    expect(participant?.id).toMatch(/^p:[A-Za-z0-9_-]{22}$/);
    expect(participant?.accountId).toBeNull();
    const stored = first.jar.get(participantCookieName);
    expect(stored?.options).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
      path: '/',
      maxAge: 31_536_000
    });

    const again = browser(stored?.value);
    expect(resolveParticipant(again.event, signer, true)).toEqual(participant);
    expect(again.sets).toEqual([]);
  });

  it('marks the cookie Secure behind https', () => {
    const { event, jar } = browser(undefined, null, 'https://forum.test');
    resolveParticipant(event, signer, true);
    expect(jar.get(participantCookieName)?.options.secure).toBe(true);
  });

  it('treats a tampered cookie as no cookie: a new participant, never the forged one', () => {
    const first = browser();
    const original = resolveParticipant(first.event, signer, true)!;
    const sealed = first.jar.get(participantCookieName)!.value;
    const forgedToken = 'A'.repeat(22);
    const tampered = `${forgedToken}${sealed.slice(sealed.indexOf('.'))}`;
    const second = browser(tampered);
    const next = resolveParticipant(second.event, signer, true)!;
    expect(next.id).not.toBe(`p:${forgedToken}`);
    expect(next.id).not.toBe(original.id);
    expect(second.sets).toEqual([participantCookieName]);
    expect(resolveParticipant(browser('garbage').event, signer, false)).toBeNull();
  });

  it('refuses a cookie sealed by another instance', () => {
    const other = new Signer(randomBytes(32).toString('base64url'));
    const { event } = browser(other.seal('participant', 'B'.repeat(22)));
    expect(resolveParticipant(event, signer, false)).toBeNull();
  });

  it('lets a signed-in account win over the cookie, without setting one', () => {
    const first = browser();
    resolveParticipant(first.event, signer, true);
    const signedIn = browser(first.jar.get(participantCookieName)!.value, { id: 'acc-1' });
    expect(resolveParticipant(signedIn.event, signer, true)).toEqual({ id: 'account:acc-1', accountId: 'acc-1' });
    expect(signedIn.sets).toEqual([]);
  });

  it('never sets a cookie when only asking who is known', () => {
    const { event, sets } = browser();
    expect(resolveParticipant(event, signer, false)).toBeNull();
    expect(sets).toEqual([]);
  });
});
