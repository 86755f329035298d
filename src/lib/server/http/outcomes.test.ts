import { isHttpError, isActionFailure } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../i18n/messages.js';
import { errorMessage, errorStatus, failWith, orRefuse, refuse, refuseOutcome, statusOf } from './outcomes.js';

/** What an error page would carry: its status and body. */
function pageOf(run: () => unknown): { status: number; body: unknown } {
  try {
    run();
  } catch (thrown) {
    if (isHttpError(thrown)) return { status: thrown.status, body: thrown.body };
    throw thrown;
  }
  throw new Error('no error page');
}

describe('the status table', () => {
  it('gives each kind of refusal its status', () => {
    expect(statusOf('auth.forbidden')).toBe(403);
    expect(statusOf('session.not_found')).toBe(404);
    expect(statusOf('edit.conflict')).toBe(409);
    expect(statusOf('photo.too_large')).toBe(413);
    expect(statusOf('photo.unsupported_type')).toBe(415);
    expect(statusOf('oidc.unreachable')).toBe(502);
  });

  it('answers every code that names a missing record with 404', () => {
    for (const [code, status] of Object.entries(errorStatus))
      if (code.endsWith('.not_found') && code !== 'oidc.not_configured') expect(status, code).toBe(404);
  });
});

describe('refusals as pages', () => {
  it('turns forbidden into the 403 page with the access message', () => {
    expect(pageOf(() => refuseOutcome('en', 'forbidden', 'session.not_found'))).toEqual({
      status: 403,
      body: { message: messagesFor('en').console.errors['auth.forbidden'], code: 'auth.forbidden' }
    });
  });

  it('names what is missing, in the reader’s language', () => {
    expect(pageOf(() => refuseOutcome('ko', 'not_found', 'poll.not_found'))).toEqual({
      status: 404,
      body: { message: messagesFor('ko').polls.errors['poll.not_found'], code: 'poll.not_found' }
    });
    expect(errorMessage('en', 'session.not_found')).toBe(
      messagesFor('en').consoleProgramme.errors['session.not_found']
    );
    expect(errorMessage('en', 'city.not_found')).toBe(messagesFor('en').consolePlaces.errors['city.not_found']);
  });

  it('gives an address that names nothing the plain 404 page', () => {
    expect(pageOf(() => refuseOutcome('en', 'not_found'))).toEqual({
      status: 404,
      body: { message: messagesFor('en').notFoundTitle }
    });
  });

  it('lets a page word the message itself', () => {
    expect(pageOf(() => refuse('en', 'session.not_found', 'Gone.'))).toEqual({
      status: 404,
      body: { message: 'Gone.', code: 'session.not_found' }
    });
  });

  it('passes everything else on to the route', () => {
    const saved = { status: 'saved', id: 's1' } as const;
    type Result = typeof saved | { status: 'forbidden' } | { status: 'not_found' };
    expect(orRefuse<Result>(saved, 'en')).toBe(saved);
    expect(orRefuse<'saved' | 'forbidden'>('saved', 'en')).toBe('saved');
    expect(pageOf(() => orRefuse<Result>({ status: 'not_found' }, 'en', 'speaker.not_found')).status).toBe(404);
    expect(pageOf(() => orRefuse<'saved' | 'forbidden'>('forbidden', 'en')).status).toBe(403);
  });
});

describe('failWith', () => {
  it('fails the form with the code’s status and the page’s data', () => {
    const failure = failWith('edit.conflict', { message: 'Changed meanwhile.' });
    expect(isActionFailure(failure)).toBe(true);
    expect(failure.status).toBe(409);
    expect(failure.data).toEqual({ message: 'Changed meanwhile.' });
  });
});
