/**
 * How big a request body may be. adapter-node has one limit for every route
 * (BODY_SIZE_LIMIT), but only routes that take a file need more than a form:
 * the adapter's limit is raised to the largest upload, and every other path
 * keeps the usual 512 kB, checked on Content-Length before SvelteKit reads
 * anything. A new upload route adds its path to `uploadPaths` (and checks
 * its own limit, to answer beside its field).
 */
/** A large pretalx conference is about 3 MB of JSON; well below Madang's own 25-million-character cap. */
export const importUploadBytes = 10 * 1024 * 1024;
export const importUploadMegabytes = importUploadBytes / (1024 * 1024);

/** Paths that take a file and check its size themselves. */
const uploadPaths: readonly RegExp[] = [/^\/console\/import$/];
/** Room for a form's other fields and the multipart boundaries around the file. */
const multipartAllowance = 64 * 1024;
export const bodySizeLimit = importUploadBytes + multipartAllowance;
export const formBodyBytes = 512 * 1024;

/** True when the declared body is over what `path` takes. */
export function isOverBodyLimit(path: string, contentLength: string | undefined): boolean {
  if (contentLength === undefined || uploadPaths.some((upload) => upload.test(path))) return false;
  const length = Number(contentLength);
  return Number.isFinite(length) && length > formBodyBytes;
}
