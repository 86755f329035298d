/**
 * Responses for the machine-readable exports: their own media types, a
 * filename, and public caching (they do not depend on cookies, so any HTTP
 * cache may keep them for a few minutes; the ETag is added by the hook).
 */
export function exportResponse(body: string, type: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'content-type': `${type}; charset=utf-8`,
      'content-disposition': `inline; filename="${filename}"`,
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*'
    }
  });
}
