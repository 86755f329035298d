import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('starts with safe defaults and the embedded database', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.loadDemo).toBe(true);
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/madang' }).databaseUrl).toBe(
      'postgres://postgres@127.0.0.1:5432/madang'
    );
  });

  it('refuses a bad database URL with one clear sentence', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'nonsense' })).toThrow(/DATABASE_URL must look like postgres:\/\//);
  });

  it('refuses a bad port', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/Invalid PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a whole number/);
  });

  it('skips the demo with --no-demo or MADANG_DEMO=false', () => {
    expect(loadConfig({}, ['--no-demo']).loadDemo).toBe(false);
    expect(loadConfig({ MADANG_DEMO: 'false' }).loadDemo).toBe(false);
    expect(loadConfig({ MADANG_DEMO: '1' }).loadDemo).toBe(true);
  });

  it('writes mail to the log unless SMTP_URL is set, and checks SMTP_URL and MAIL_FROM', () => {
    expect(loadConfig({}).smtpUrl).toBeNull();
    expect(loadConfig({}).mailFrom).toBe('Madang <madang@localhost>');
    const config = loadConfig({
      SMTP_URL: 'smtp://user:pass@mail.example.org:587',
      MAIL_FROM: 'Forum <forum@example.org>'
    });
    expect(config.smtpUrl).toBe('smtp://user:pass@mail.example.org:587');
    expect(config.mailFrom).toBe('Forum <forum@example.org>');
    expect(loadConfig({ SMTP_URL: 'smtps://mail.example.org' }).smtpUrl).toBe('smtps://mail.example.org');
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(
      /^Invalid SMTP_URL: SMTP_URL must look like smtp:\/\//
    );
    expect(() => loadConfig({ SMTP_URL: 'mail.example.org:587' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/^Invalid MAIL_FROM: /);
  });

  it('offers OpenID Connect sign-in only when all four OIDC variables are set', () => {
    expect(loadConfig({}).oidc).toBeNull();
    const full = {
      OIDC_ISSUER: 'https://accounts.seoul.example',
      OIDC_CLIENT_ID: 'madang',
      OIDC_CLIENT_SECRET: 'a secret',
      OIDC_NAME: 'Seoul city account'
    };
    expect(loadConfig(full).oidc).toEqual({
      issuer: 'https://accounts.seoul.example',
      clientId: 'madang',
      clientSecret: 'a secret',
      name: 'Seoul city account'
    });
    expect(() => loadConfig({ ...full, OIDC_CLIENT_SECRET: '' })).toThrow(
      'Invalid OIDC_CLIENT_SECRET: OpenID Connect sign-in needs all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME (or none of them); missing OIDC_CLIENT_SECRET'
    );
    expect(() => loadConfig({ ...full, OIDC_ISSUER: 'http://accounts.seoul.example' })).toThrow(
      /OIDC_ISSUER must be an https:\/\//
    );
    expect(loadConfig({ ...full, OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc?.issuer).toBe('http://127.0.0.1:4000');
    expect(() => loadConfig({ ...full, OIDC_NAME: 'x'.repeat(61) })).toThrow(/OIDC_NAME must be at most 60/);
  });

  it('listens for RTMP encoders on 127.0.0.1:1935 unless told otherwise; 0 turns RTMP ingest off', () => {
    expect(loadConfig({})).toMatchObject({ rtmpPort: 1935, rtmpHost: '127.0.0.1' });
    expect(loadConfig({ RTMP_PORT: '0', RTMP_HOST: '0.0.0.0' })).toMatchObject({ rtmpPort: 0, rtmpHost: '0.0.0.0' });
    expect(() => loadConfig({ RTMP_PORT: '99999' })).toThrow(
      'Invalid RTMP_PORT: RTMP_PORT must be a whole number from 0 (no RTMP ingest) to 65535'
    );
    expect(() => loadConfig({ RTMP_PORT: 'obs' })).toThrow(/Invalid RTMP_PORT/);
    expect(() => loadConfig({ RTMP_HOST: 'rtmp://x y' })).toThrow(/Invalid RTMP_HOST: RTMP_HOST must be an address/);
  });
});
