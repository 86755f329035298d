/**
 * Forms marked `data-live-form` inside a panel are sent with fetch: the same
 * POST as without JavaScript, plus `x-madang-live: 1` and a JSON accept so
 * the action answers data instead of a redirect. A network failure is
 * retried twice with the same body (so the same idempotency key); a refusal
 * shows its message in the form's `[data-live-error]` element.
 */
import { readActionAnswer } from './actionResult.js';

export function handleLiveForms(
  stage: HTMLElement,
  refreshNow: (panel: string) => void,
  fallbackMessage: string
): void {
  stage.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-live-form')) return;
    const section = form.closest<HTMLElement>('[data-live-panel]');
    if (!section) return;
    event.preventDefault();
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | HTMLInputElement | null | undefined;
    const body = new FormData(form);
    if (submitter && submitter.name) body.append(submitter.name, submitter.value);
    const encoded =
      form.enctype === 'multipart/form-data' ? body : new URLSearchParams(body as unknown as Record<string, string>);
    form.setAttribute('aria-busy', 'true');
    const action = form.getAttribute('action');
    void send(form.action, encoded, 0).then(
      (answer) => {
        // A live refresh may have swapped the panel while the request was out: the answer belongs to the form the reader sees now.
        const shown = form.isConnected ? form : sameForm(section, action);
        form.removeAttribute('aria-busy');
        if (!shown) return;
        shown.removeAttribute('aria-busy');
        const errorElement = shown.querySelector<HTMLElement>('[data-live-error]');
        if (answer.ok) {
          // That key is used: the refreshed panel's fresh key must win, even where typed values are carried over.
          const key = shown.querySelector<HTMLInputElement>('input[name=idempotencyKey]');
          if (key) key.value = '';
          if (errorElement) {
            errorElement.textContent = '';
            errorElement.hidden = true;
          }
          shown.reset();
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

/** The panel's form that posts to `action` (the one a swap put in place of the form that was sent). */
function sameForm(section: HTMLElement, action: string | null): HTMLFormElement | null {
  const forms = section.querySelectorAll<HTMLFormElement>('form[data-live-form]');
  for (let i = 0; i < forms.length; i += 1)
    if ((forms[i] as HTMLFormElement).getAttribute('action') === action) return forms[i] as HTMLFormElement;
  return null;
}

async function send(
  action: string,
  body: FormData | URLSearchParams,
  attempt: number
): Promise<ReturnType<typeof readActionAnswer>> {
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
