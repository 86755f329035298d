/**
 * Swaps a panel's content for a freshly rendered fragment without taking
 * anything from the reader: a text field that has focus or holds typed text
 * keeps its value (and its form keeps its idempotency key, so a retry is
 * still the same submission), a refusal shown in a form stays, a choice they
 * changed but have not sent (a poll's radio button or checkbox) stays
 * changed, and focus returns to the same control.
 */

const typedFields =
  'textarea,input:not([type]),input[type=text],input[type=search],input[type=email],input[type=url],input[type=number]';
const controls = 'input,textarea,select,button,a';

/** Identifies a control across renders: which form of the panel, its name (or id), and for choices its value. */
function keyOf(element: Element, root: ParentNode): string {
  const form = Array.prototype.indexOf.call(root.querySelectorAll('form'), element.closest('form'));
  const type = (element as HTMLInputElement).type || '';
  const choice = /radio|checkbox|submit/.test(type) ? (element as HTMLInputElement).value : '';
  return `${form}|${element.getAttribute('name') || element.id || element.getAttribute('href') || ''}|${choice}`;
}

function find(root: ParentNode, key: string): HTMLElement | null {
  const all = root.querySelectorAll<HTMLElement>(controls);
  for (let i = 0; i < all.length; i += 1) if (keyOf(all[i] as HTMLElement, root) === key) return all[i] as HTMLElement;
  return null;
}

export function swapPanel(section: HTMLElement, html: string): void {
  const active = document.activeElement as HTMLInputElement | null;
  const focusKey = active && section.contains(active) ? keyOf(active, section) : null;
  const kept: Array<[string, string]> = [];
  section.querySelectorAll<HTMLInputElement>(typedFields).forEach((field) => {
    if (field !== active && field.value === '') return;
    kept.push([keyOf(field, section), field.value]);
    const idempotency = field.form && field.form.querySelector<HTMLInputElement>('input[name=idempotencyKey]');
    if (idempotency && idempotency.value !== '') kept.push([keyOf(idempotency, section), idempotency.value]);
  });

  // A refusal the script showed ("slow mode: …") stays until the reader's next send, not until anyone's next message.
  const errors = Array.from(section.querySelectorAll<HTMLElement>('[data-live-error]'), (element) =>
    element.hidden ? '' : element.textContent || ''
  );
  // A choice the reader made but has not sent yet (a poll's radio button or checkbox) survives too.
  const choices: Array<[string, boolean]> = [];
  section.querySelectorAll<HTMLInputElement>('input[type=radio],input[type=checkbox]').forEach((field) => {
    if (field.checked !== field.defaultChecked) choices.push([keyOf(field, section), field.checked]);
  });

  const template = document.createElement('template');
  template.innerHTML = html;
  const fresh = template.content;
  kept.forEach(([key, value]) => {
    const target = find(fresh, key) as HTMLInputElement | null;
    if (target) target.value = value;
  });
  fresh.querySelectorAll<HTMLElement>('[data-live-error]').forEach((element, index) => {
    if (errors[index]) {
      element.textContent = errors[index] as string;
      element.hidden = false;
    }
  });
  choices.forEach(([key, checked]) => {
    const target = find(fresh, key) as HTMLInputElement | null;
    if (target) target.checked = checked;
  });
  section.replaceChildren(fresh);
  const again = focusKey === null ? null : (find(section, focusKey) as HTMLInputElement | null);
  if (again && active) {
    again.focus({ preventScroll: true });
    try {
      if (again.setSelectionRange) again.setSelectionRange(active.selectionStart, active.selectionEnd);
    } catch {
      // Number and button inputs have no selection.
    }
  }
}
