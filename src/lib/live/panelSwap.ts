/**
 * Swaps a panel's content for a freshly rendered fragment without taking
 * anything from the reader: a text field that has focus or holds typed text
 * keeps its value (and the idempotency key of its form, so a retry is still
 * the same submission), and focus returns to the same control.
 */

const typedFields = 'textarea, input:not([type]), input[type=text], input[type=search], input[type=email], input[type=url], input[type=number]';

/** Identifies a control across renders: its form (by action) and its name, or its id. */
function controlKey(element: Element, root: ParentNode): string | null {
  if (element.id) return `#${element.id}`;
  const name = element.getAttribute('name');
  if (!name) return null;
  const form = element.closest('form');
  const forms = Array.prototype.slice.call(root.querySelectorAll('form')) as Element[];
  return `${form ? `${form.getAttribute('action') ?? ''}|${forms.indexOf(form)}` : ''}|${name}|${element.getAttribute('value') ?? ''}`;
}

function find(root: ParentNode, key: string, selector: string): HTMLElement | null {
  const all = root.querySelectorAll<HTMLElement>(selector);
  for (let i = 0; i < all.length; i += 1) {
    const candidate = all[i] as HTMLElement;
    if (controlKey(candidate, root) === key) return candidate;
  }
  return null;
}

export function swapPanel(section: HTMLElement, html: string): void {
  const active = document.activeElement;
  const focusKey = active && section.contains(active) ? controlKey(active, section) : null;
  const selection = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? [active.selectionStart, active.selectionEnd] : null;
  const kept: Array<[string, string]> = [];
  const keptForms = new Set<HTMLFormElement>();
  section.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(typedFields).forEach((field) => {
    if (field !== active && field.value === '') return;
    const key = controlKey(field, section);
    if (key) kept.push([key, field.value]);
    if (field.form) keptForms.add(field.form);
  });
  keptForms.forEach((form) => {
    const idempotency = form.querySelector<HTMLInputElement>('input[name=idempotencyKey]');
    if (idempotency) kept.push([controlKey(idempotency, section) ?? '', idempotency.value]);
  });

  const template = document.createElement('template');
  template.innerHTML = html;
  const fresh = template.content;
  for (const [key, value] of kept) {
    const field = key.startsWith('#') ? fresh.querySelector<HTMLInputElement>(key.replace(/([^\w#-])/g, '\\$1')) : null;
    // Hidden inputs are matched by name and form but not by value (the key changes per render).
    const target = field ?? find(fresh, key, typedFields) ?? findHidden(fresh, key);
    if (target && 'value' in target) (target as HTMLInputElement).value = value;
  }
  section.replaceChildren(fresh);
  if (focusKey) {
    const again = focusKey.startsWith('#') ? document.getElementById(focusKey.slice(1)) : find(section, focusKey, 'input, textarea, select, button, a');
    if (again) {
      again.focus({ preventScroll: true });
      if (selection && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement)) {
        try {
          again.setSelectionRange(selection[0] ?? null, selection[1] ?? null);
        } catch {
          // Number inputs have no selection.
        }
      }
    }
  }
}

function findHidden(root: ParentNode, key: string): HTMLElement | null {
  const prefix = key.slice(0, key.lastIndexOf('|') + 1);
  const all = root.querySelectorAll<HTMLInputElement>('input[name=idempotencyKey]');
  for (let i = 0; i < all.length; i += 1) {
    const candidate = all[i] as HTMLInputElement;
    const candidateKey = controlKey(candidate, root);
    if (candidateKey && candidateKey.slice(0, candidateKey.lastIndexOf('|') + 1) === prefix) return candidate;
  }
  return null;
}
