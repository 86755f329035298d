/**
 * Forms marked `data-live-form` inside a panel are sent with fetch: the same
 * POST as without JavaScript, plus `x-madang-live: 1` and a JSON accept so
 * the action answers data instead of a redirect. A network failure is
 * retried twice with the same body (so the same idempotency key); a refusal
 * shows its message in the form's `[data-live-error]` element.
 */
import { readActionAnswer } from './actionResult.js';

export function handleLiveForms(stage: HTMLElement, refreshNow: (panel: string) => void, fallbackMessage: string): void {
  stage.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-live-form')) return;
    const section = form.closest<HTMLElement>('[data-live-panel]');
    if (!section) return;
    event.preventDefault();
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | HTMLInputElement | null | undefined;
    const body = new FormData(form);
    if (submitter && submitter.name) body.append(submitter.name, submitter.value);
    const encoded = form.enctype === 'multipart/form-data' ? body : new URLSearchParams(body as unknown as Record<string, string>);
    const errorElement = form.querySelector<HTMLElement>('[data-live-error]');
    form.setAttribute('aria-busy', 'true');
    void send(form.action, encoded, 0).then(
      (answer) => {
        form.removeAttribute('aria-busy');
        if (answer.ok) {
          // That key is used: the refreshed panel's fresh key must win, even where typed values are carried over.
          const key = form.querySelector<HTMLInputElement>('input[name=idempotencyKey]');
          if (key) key.value = '';
          if (errorElement) {
            errorElement.textContent = '';
            errorElement.hidden = true;
          }
          form.reset();
          refreshNow(section.getAttribute('data-live-panel') || '');
        } else if (errorElement) {
          errorElement.textContent = answer.message || fallbackMessage;
          errorElement.hidden = false;
        }
      },
      () => undefined
    );
  });
}

async function send(action: string, body: FormData | URLSearchParams, attempt: number): Promise<ReturnType<typeof readActionAnswer>> {
  try {
    const response = await fetch(action, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'x-madang-live': '1', accept: 'application/json' }
    });
    return readActionAnswer(response.status, await response.text());
  } catch {
    if (attempt >= 2) return { ok: false, message: null };
    await new Promise((resolve) => setTimeout(resolve, 1_000 * (attempt + 1)));
    return send(action, body, attempt + 1);
  }
}
