/**
 * An OpenID Connect issuer for tests: oidc-provider on a loopback port, with
 * its development login form (any login, any password; the login is the
 * subject) and accounts whose e-mail claims the test sets. The port is taken
 * first and the provider mounted later, because its client needs Madang's
 * callback address, and Madang needs the issuer's address to start.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestIssuer {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Mounts the provider with one client that may return to `redirectUri`. */
  register(redirectUri: string): void;
  /** What the issuer says about the person who logs in as `login`. */
  setPerson(login: string, claims: { email?: string; email_verified?: boolean }): void;
  close(): Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const people = new Map<string, Record<string, unknown>>();
  let provider: Provider | null = null;
  const server: Server = createServer((req, res) => {
    if (!provider) {
      res.writeHead(503).end();
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'madang';
  const clientSecret = 'a test secret that is long enough for HS256';
  return {
    url,
    clientId,
    clientSecret,
    register(redirectUri) {
      provider = new Provider(url, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code']
          }
        ],
        claims: { openid: ['sub'], email: ['email', 'email_verified'] },
        cookies: { keys: ['test issuer cookie key'] },
        ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
        features: { devInteractions: { enabled: true } },
        findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id, ...people.get(id) }) })
      });
    },
    setPerson(login, claims) {
      people.set(login, claims);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
