/** English messages of signing in through an OpenID Connect issuer (the button on the sign-in page and every refusal). */
import type { OidcErrorCode } from '../../domain/access/oidcError.js';

export const consoleOidcEn = {
  signInWith: (name: string) => `Sign in with ${name}`,
  orPassword: 'Or sign in with the e-mail address and password of your Madang account:',
  errors: {
    'oidc.not_configured': () =>
      'Signing in through another service is not set up on this site. Sign in with your e-mail address and password.',
    'oidc.issuer_refused': (name: string) => `${name} did not sign you in. Try again, or sign in with your password.`,
    'oidc.state_invalid': () =>
      'This sign-in does not match one started in this browser (it may have been started in another browser, or the address was changed). Please start again.',
    'oidc.expired': () => 'The sign-in took longer than 10 minutes and has expired. Please start again.',
    'oidc.exchange_failed': (name: string) =>
      `${name} answered, but its answer could not be confirmed. Please start again; if it keeps happening, tell an organiser.`,
    'oidc.unreachable': (name: string) =>
      `${name} did not answer. Try again in a few minutes, or sign in with your password.`,
    'oidc.email_unverified': (name: string) =>
      `${name} did not confirm a verified e-mail address for you, so it cannot be matched to a Madang account. Verify your address there, or sign in with your password.`,
    'oidc.no_account': () => 'There is no Madang account for this e-mail address. Ask an organiser for an invitation.',
    'oidc.linked_elsewhere': (name: string) =>
      `The Madang account with this e-mail address is already linked to a different ${name} identity. Sign in with your password, or ask an administrator.`
  } satisfies Record<OidcErrorCode, (name: string) => string>
};

export type ConsoleOidcMessages = typeof consoleOidcEn;
