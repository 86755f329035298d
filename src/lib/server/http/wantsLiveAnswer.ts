/**
 * Whether a form POST came from the live script (`x-madang-live: 1`) rather
 * than a plain browser form: the action may then answer with data (SvelteKit
 * sends it as JSON, since the script also asks for application/json) instead
 * of redirecting back to the page.
 */
export function wantsLiveAnswer(event: { readonly request: Request }): boolean {
  return event.request.headers.get('x-madang-live') === '1';
}
