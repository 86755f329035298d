import { appContext } from '../context.js';

/** The public origin for absolute links: PUBLIC_URL when set, else the request's own. */
export function publicOrigin(url: URL): string {
  return appContext().config.publicUrl ?? url.origin;
}
