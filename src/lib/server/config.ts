/**
 * Configuration comes from the environment (and two command-line flags),
 * validated once at start. A bad value produces one line a person can act on,
 * never a stack trace.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** A PostgreSQL URL; null means the embedded database under `dataDir`. */
  readonly databaseUrl: string | null;
  readonly loadDemo: boolean;
  /** Public origin for absolute links (exports, OpenGraph); null = from the request. */
  readonly publicUrl: string | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `smtp://user:pass@host:587` or `smtps://…`; null writes mail to the log instead of sending it. */
  readonly smtpUrl: string | null;
  /** The From of every message Madang sends. */
  readonly mailFrom: string;
  /** Sign-in through an OpenID Connect issuer; null when not set up (no button, its routes answer 404). */
  readonly oidc: OidcConfig | null;
  /** `redis://host:6379`: app nodes share real-time events through it; null = this process only. */
  readonly redisUrl: string | null;
  /** Port of the RTMP ingest encoders push to (OBS); 0 = no RTMP ingest. */
  readonly rtmpPort: number;
  /** Address the RTMP ingest listens on; the console shows it in the server URL unless PUBLIC_URL names the host. */
  readonly rtmpHost: string;
}

export interface OidcConfig {
  /** The issuer identifier; discovery reads `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** What the button calls the issuer: "Sign in with <name>". */
  readonly name: string;
}

const oidcVariables = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_NAME'] as const;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const falsy = new Set(['0', 'false', 'no', 'off']);

const environmentSchema = z.object({
  PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'PORT must be a whole number from 0 to 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'PORT must be a whole number from 0 to 65535')
    .default(3000),
  HOST: z.string().trim().min(1, 'HOST must not be empty').default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1, 'DATA_DIR must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || isPostgresUrl(v), {
      message: 'DATABASE_URL must look like postgres://user@host:5432/database'
    }),
  MADANG_DEMO: z.string().trim().optional(),
  PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || isHttpOrigin(v), {
      message: 'PUBLIC_URL must be an http(s) address such as https://forum.example.org'
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || isSmtpUrl(v), {
      message: 'SMTP_URL must look like smtp://user:password@mail.example.org:587 (or smtps:// for TLS from the start)'
    }),
  MAIL_FROM: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || isMailbox(v), {
      message: 'MAIL_FROM must be an address such as forum@example.org or "Forum <forum@example.org>"'
    }),
  OIDC_ISSUER: optionalText().refine((v) => v === undefined || isIssuerUrl(v), {
    message:
      'OIDC_ISSUER must be an https:// address such as https://accounts.example.org (http:// only on 127.0.0.1 or localhost)'
  }),
  OIDC_CLIENT_ID: optionalText().refine((v) => v === undefined || v.length <= 255, {
    message: 'OIDC_CLIENT_ID must be at most 255 characters'
  }),
  OIDC_CLIENT_SECRET: optionalText().refine((v) => v === undefined || v.length <= 1000, {
    message: 'OIDC_CLIENT_SECRET must be at most 1000 characters'
  }),
  OIDC_NAME: optionalText().refine((v) => v === undefined || v.length <= 60, {
    message: 'OIDC_NAME must be at most 60 characters, e.g. "Seoul city account"'
  }),
  REDIS_URL: optionalText().refine((v) => v === undefined || isRedisUrl(v), {
    message: 'REDIS_URL must look like redis://127.0.0.1:6379 (or rediss:// for TLS)'
  }),
  RTMP_PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'RTMP_PORT must be a whole number from 0 (no RTMP ingest) to 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'RTMP_PORT must be a whole number from 0 (no RTMP ingest) to 65535')
    .default(1935),
  RTMP_HOST: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, 'RTMP_HOST must be an address to listen on, such as 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1')
});

/** An optional variable where an empty value counts as unset. */
function optionalText() {
  return z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v));
}

/**
 * The issuer must be https; plain http only on the loopback interface, where
 * nothing crosses a network (a local issuer for trying it out, the tests).
 */
function isIssuerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.search || url.hash || url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isMailbox(value: string): boolean {
  return /^(?:[^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(value);
}

function isHttpOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Reads the configuration; throws `ConfigError` with one human sentence. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid ${name}: ${issue?.message ?? 'unreadable value'}`);
  }
  const values = parsed.data;
  const oidcMissing = oidcVariables.filter((name) => values[name] === undefined);
  if (oidcMissing.length > 0 && oidcMissing.length < oidcVariables.length) {
    throw new ConfigError(
      `Invalid ${oidcMissing[0]}: OpenID Connect sign-in needs all of ${oidcVariables.join(', ')} (or none of them); missing ${oidcMissing.join(', ')}`
    );
  }
  const demoOff =
    argv.includes('--no-demo') || (values.MADANG_DEMO !== undefined && falsy.has(values.MADANG_DEMO.toLowerCase()));
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: resolve(values.DATA_DIR),
    databaseUrl: values.DATABASE_URL ?? null,
    loadDemo: !demoOff,
    publicUrl: values.PUBLIC_URL ? values.PUBLIC_URL.replace(/\/+$/, '') : null,
    logLevel: values.LOG_LEVEL,
    smtpUrl: values.SMTP_URL ?? null,
    mailFrom: values.MAIL_FROM ?? 'Madang <madang@localhost>',
    oidc:
      values.OIDC_ISSUER && values.OIDC_CLIENT_ID && values.OIDC_CLIENT_SECRET && values.OIDC_NAME
        ? {
            issuer: values.OIDC_ISSUER,
            clientId: values.OIDC_CLIENT_ID,
            clientSecret: values.OIDC_CLIENT_SECRET,
            name: values.OIDC_NAME
          }
        : null,
    redisUrl: values.REDIS_URL ?? null,
    rtmpPort: values.RTMP_PORT,
    rtmpHost: values.RTMP_HOST
  };
}
