/**
 * Wires access: the mailer (SMTP or the log), accounts, sessions, signed
 * links and the instance signer, OpenID Connect sign-in when configured, and
 * the setup link printed while no administrator exists.
 */
import type { Logger } from 'pino';
import { createAccessServices, type AccessServices } from './accessServices.js';
import { OpenIdIssuer } from '../auth/openIdIssuer.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { createMailer, type Mailer } from '../mail/mailer.js';

export interface AccessWiring {
  readonly access: AccessServices;
  /** Closed by the app at shutdown. */
  readonly mailer: Mailer;
  /** `/console/setup/<token>` while no administrator exists. */
  readonly setupPath: string | null;
}

export async function wireAccess(deps: {
  readonly config: Config;
  readonly db: Db;
  readonly log: Logger;
  readonly clock?: () => Date;
}): Promise<AccessWiring> {
  const { config, log } = deps;
  const mailer = createMailer(config, log);
  const access = await createAccessServices(deps.db, {
    mailer,
    log,
    clock: deps.clock,
    oidc: config.oidc ? { name: config.oidc.name, issuer: new OpenIdIssuer(config.oidc), log } : null
  });
  const setupPath = await access.setup.ensureSetupLink();
  return { access, mailer, setupPath };
}
