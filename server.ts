/**
 * The Madang process: configuration → database → one http.Server carrying the
 * web app and the real-time hub's WebSocket endpoint (`/live`). Start-up
 * problems end in one clear line and a non-zero exit, never a stack trace.
 */
import { createServer } from 'node:http';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './src/lib/server/config.js';
import { DatabaseUnavailableError, redact } from './src/lib/server/db/database.js';
import { DemoScheduleError } from './src/lib/server/demo/demoProgramme.js';
import { BuildMissingError } from './src/lib/server/http/svelteKitHandler.js';
import { buildApp } from './src/lib/server/wiring/app.js';
import { HubUnavailableError } from './src/lib/server/realtime/createHub.js';
import { attachLiveEndpoint } from './src/lib/server/realtime/liveEndpoint.js';

function fail(message: string, code = 1): never {
  process.stderr.write(`madang: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }
  const log = pino({ level: config.logLevel, base: { service: 'madang' } });

  let app;
  try {
    app = await buildApp(config, { log });
  } catch (error) {
    if (
      error instanceof DatabaseUnavailableError ||
      error instanceof BuildMissingError ||
      error instanceof HubUnavailableError ||
      error instanceof DemoScheduleError
    ) {
      fail(error.message);
    }
    const where = config.databaseUrl ? redact(config.databaseUrl) : config.dataDir;
    fail(`could not open the database (${where}): ${error instanceof Error ? error.message : String(error)}`);
  }
  if (app.demoLoaded) log.info({ edition: app.demoLoaded }, 'loaded the demo forum into the empty database');

  const server = createServer(app.listener);
  server.keepAliveTimeout = 65_000;
  const live = attachLiveEndpoint(
    server,
    app.hub,
    app.broadcasting ? [app.broadcasting.browserIngest.handleUpgrade] : []
  );
  if (app.broadcasting && config.rtmpPort !== 0) {
    try {
      const rtmpPort = await app.broadcasting.listenRtmp(config.rtmpPort);
      log.info({ rtmp: `rtmp://${config.rtmpHost}:${rtmpPort}/live` }, 'RTMP ingest is listening');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        fail(
          `RTMP port ${config.rtmpPort} on ${config.rtmpHost} is already in use; set RTMP_PORT to another one (0 turns RTMP ingest off)`
        );
      if (code === 'EACCES') fail(`not allowed to listen on RTMP port ${config.rtmpPort}; use a port above 1023`);
      fail(
        `cannot listen for RTMP on ${config.rtmpHost}:${config.rtmpPort}: ${error instanceof Error ? error.message : String(error)}`
      );
    }
  }
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      fail(`port ${config.port} on ${config.host} is already in use; set PORT to another one`);
    if (error.code === 'EACCES') fail(`not allowed to listen on port ${config.port}; use a port above 1023`);
    fail(`cannot listen on ${config.host}:${config.port}: ${error.message}`);
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/`;
    log.info({ url, database: app.database.kind }, 'madang is listening');
    process.stdout.write(`\nMadang is running at ${url}\n\n`);
    if (app.setupPath) {
      const origin = config.publicUrl ?? url.replace(/\/$/, '');
      process.stdout.write(`First administrator: open ${origin}${app.setupPath} to create the account\n\n`);
    }
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    live.close();
    server.close(() => void app.close().then(() => process.exit(0)));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
