/**
 * Participant identity for the live stage. A signed-in account participates
 * as itself; anyone else gets the `madang_participant` cookie, a random token
 * sealed with the instance Signer (so a changed cookie is a new participant,
 * never someone else). The cookie is only issued by requests that take part
 * (POST actions, participation endpoints): a reader who only reads gets none.
 */
import { randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { accountParticipant, cookieParticipant, type Participant } from '../../domain/participation/participant.js';
import { appContext } from '../context.js';
import type { Signer } from '../auth/signer.js';

export type { Participant } from '../../domain/participation/participant.js';

export const participantCookieName = 'madang_participant';
const oneYearSeconds = 365 * 24 * 60 * 60;

/** The parts of a SvelteKit request event identity needs. */
export interface ParticipantEvent {
  readonly cookies: Pick<Cookies, 'get' | 'set'>;
  readonly locals: { readonly account: { readonly id: string } | null };
  readonly url: URL;
}

/** The participant of this request, issuing the cookie when there is none (only from requests that participate). */
export function participantOf(event: ParticipantEvent): Participant {
  return resolveParticipant(event, appContext().access.signer, true) as Participant;
}

/** The participant when the request already carries one (or is signed in), else null; never sets a cookie. */
export function knownParticipantOf(event: ParticipantEvent): Participant | null {
  return resolveParticipant(event, appContext().access.signer, false);
}

/** The logic of both, with the signer passed in (tests). */
export function resolveParticipant(event: ParticipantEvent, signer: Signer, issue: boolean): Participant | null {
  if (event.locals.account) return accountParticipant(event.locals.account.id);
  const sealed = event.cookies.get(participantCookieName);
  const token = sealed && sealed.length <= 128 ? signer.unseal('participant', sealed) : null;
  const known = token === null ? null : cookieParticipant(token);
  if (known || !issue) return known;
  const fresh = randomBytes(16).toString('base64url');
  event.cookies.set(participantCookieName, signer.seal('participant', fresh), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
    maxAge: oneYearSeconds
  });
  return cookieParticipant(fresh);
}
