/**
 * Who takes part in a live session: a signed-in account (`account:<id>`) or
 * a browser holding the participant cookie (`p:<22 base64url chars>`). The
 * id is what upvotes, poll answers and rate limits are counted by, so an
 * account is always the same participant whichever browser it uses.
 */

export interface Participant {
  readonly id: string;
  readonly accountId: string | null;
}

/** 16 random bytes in base64url: the cookie participant's token. */
export const participantTokenPattern = /^[A-Za-z0-9_-]{22}$/;

export function accountParticipant(accountId: string): Participant {
  return { id: `account:${accountId}`, accountId };
}

/** The participant a cookie token stands for, or null when the token is not shaped like one. */
export function cookieParticipant(token: string): Participant | null {
  return participantTokenPattern.test(token) ? { id: `p:${token}`, accountId: null } : null;
}
