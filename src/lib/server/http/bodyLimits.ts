/**
 * How big a request body may be. adapter-node has one limit for every route
 * (BODY_SIZE_LIMIT), but only the programme import takes a large file: the
 * limit is raised to the import's and every other path keeps the usual
 * 512 kB, checked on Content-Length before SvelteKit reads anything.
 */
export const importPath = '/console/import';
/** A large pretalx conference is about 3 MB of JSON; well below Madang's own 25-million-character cap. */
export const importUploadBytes = 10 * 1024 * 1024;
export const importUploadMegabytes = importUploadBytes / (1024 * 1024);
/** Room for the form's other fields and the multipart boundaries around the file. */
const multipartAllowance = 64 * 1024;
export const bodySizeLimit = importUploadBytes + multipartAllowance;
export const formBodyBytes = 512 * 1024;

/** The declared body size when it is over what `path` takes (the import checks its own, to say so in its form). */
export function isOverBodyLimit(path: string, contentLength: string | undefined): boolean {
  if (path === importPath || contentLength === undefined) return false;
  const length = Number(contentLength);
  return Number.isFinite(length) && length > formBodyBytes;
}
