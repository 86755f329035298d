/**
 * The built SvelteKit app (adapter-node's `handler.js`): found before
 * anything else starts, and loaded once adapter-node's environment says what
 * the connection is and how big a body may be.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bodySizeLimit } from './bodyLimits.js';
import type { Middleware } from './requestListener.js';

export class BuildMissingError extends Error {
  override readonly name = 'BuildMissingError';
}

/** The handler file in `buildDir`; BuildMissingError when the app is not built. */
export function locateSvelteKitHandler(buildDir: string): string {
  const handlerFile = resolve(buildDir, 'handler.js');
  if (!existsSync(handlerFile)) {
    throw new BuildMissingError(`The web app is not built (${handlerFile} is missing); run \`npm run build\` first.`);
  }
  return handlerFile;
}

export async function loadSvelteKitHandler(handlerFile: string, publicUrl: string | null): Promise<Middleware> {
  // adapter-node assumes https unless told; tell it what the connection is.
  // PUBLIC_URL, when set, is the one origin links use.
  if (publicUrl) process.env.ORIGIN = publicUrl;
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
  process.env.HOST_HEADER ??= 'x-forwarded-host';
  // Read by adapter-node when its handler is imported, just below.
  process.env.BODY_SIZE_LIMIT ??= String(bodySizeLimit);
  const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: Middleware };
  return handler;
}
