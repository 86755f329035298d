/**
 * Reads what a form action answered the live script. SvelteKit answers a
 * POST that accepts JSON with `{ type, status, data }`, `data` being
 * devalue's flattened form (an array whose first entry is the root, other
 * values referenced by index); JSON endpoints answer `{ error: { message } }`.
 * Only plain objects, arrays and primitives are revived: enough for the
 * message a failure carries.
 */

export type LiveAnswer = { readonly ok: true } | { readonly ok: false; readonly message: string | null };

export function readActionAnswer(status: number, body: string): LiveAnswer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return status < 400 ? { ok: true } : { ok: false, message: null };
  }
  const answer = (parsed || {}) as { type?: unknown; data?: unknown; error?: { message?: unknown } };
  if (answer.type === 'success' || answer.type === 'redirect') return { ok: true };
  if (answer.type === 'failure') {
    const data = typeof answer.data === 'string' ? unflatten(answer.data) : answer.data;
    return { ok: false, message: firstMessage(data) };
  }
  if (answer.error && typeof answer.error.message === 'string') return { ok: false, message: answer.error.message };
  return status < 400 && answer.type === undefined ? { ok: true } : { ok: false, message: null };
}

/** The message to show: `message`, else the first text among `errors` (field errors), else any text field. */
function firstMessage(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  if (typeof record.message === 'string') return record.message;
  for (const nested of [record.errors, record.error, record]) {
    if (typeof nested === 'string') return nested;
    if (typeof nested === 'object' && nested !== null) {
      for (const value of Object.values(nested)) if (typeof value === 'string' && value !== '') return value;
    }
  }
  return null;
}

const specials: Record<number, unknown> = {
  [-1]: undefined,
  [-2]: undefined,
  [-3]: NaN,
  [-4]: Infinity,
  [-5]: -Infinity,
  [-6]: -0
};

export function unflatten(text: string): unknown {
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof values === 'number') return specials[values];
  if (!Array.isArray(values)) return null;
  const table = values as unknown[];
  const seen = new Map<number, unknown>();
  const revive = (index: number): unknown => {
    if (index in specials) return specials[index];
    if (seen.has(index)) return seen.get(index);
    const value = table[index];
    if (Array.isArray(value)) {
      if (typeof value[0] === 'string') return null; // a typed value (Date, Map…): not used by live answers
      const list: unknown[] = [];
      seen.set(index, list);
      for (const item of value) list.push(revive(item as number));
      return list;
    }
    if (typeof value === 'object' && value !== null) {
      const object: Record<string, unknown> = {};
      seen.set(index, object);
      for (const [key, item] of Object.entries(value)) object[key] = revive(item as number);
      return object;
    }
    return value;
  };
  return revive(0);
}
