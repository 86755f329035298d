/**
 * How big a request body may be. adapter-node has one limit for every route
 * (BODY_SIZE_LIMIT), but only routes that take a file need more than a form:
 * the adapter's limit is raised to the largest upload, and every other path
 * keeps the usual 512 kB, checked on Content-Length before SvelteKit reads
 * anything. A new upload route adds its path to `uploadPaths` (and checks
 * its own limit, to answer beside its field).
 */
import { speakerPhotoMaxBytes } from '../services/speakerEditing.js';

export { speakerPhotoMaxBytes };

/** A large pretalx conference is about 3 MB of JSON; well below Madang's own 25-million-character cap. */
export const importUploadBytes = 10 * 1024 * 1024;
export const importUploadMegabytes = importUploadBytes / (1024 * 1024);

/** Requests (path and query: form actions are in the query) that take a file and check its size themselves. */
const uploadPaths: readonly RegExp[] = [
  /^\/console\/import(\?|$)/,
  /^\/console\/editions\/[a-z0-9-]+\/speakers\/[a-z0-9-]+\?\/photo$/
];
/** Room for a form's other fields and the multipart boundaries around the file. */
const multipartAllowance = 256 * 1024;
export const bodySizeLimit = Math.max(importUploadBytes, speakerPhotoMaxBytes) + multipartAllowance;
export const formBodyBytes = 512 * 1024;

/** True when the declared body is over what the request `url` (path and query) takes. */
export function isOverBodyLimit(url: string, contentLength: string | undefined): boolean {
  if (contentLength === undefined || uploadPaths.some((upload) => upload.test(url))) return false;
  const length = Number(contentLength);
  return Number.isFinite(length) && length > formBodyBytes;
}
