/**
 * The fragment of one live-stage panel: the same Svelte component the page
 * renders, rendered alone with `svelte/server`, for the live script to swap
 * in. Personal (it may show "you voted") and always fresh, so never cached.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';

export function panelResponse<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props: Props
): Response {
  const { body } = render(component, { props });
  return new Response(body, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff'
    }
  });
}
