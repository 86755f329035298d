/**
 * How an error message names the thing that is wrong, the way the organiser
 * sees it in their own tool: "Event 12 'Keynote'", "Day 2 (2024-03-31)",
 * "Session 'd1-cases'". Works on the raw file too, because a schema error
 * happens before there is anything typed to name.
 */
import { quoted } from './importResult.js';

/** `Event 12 'Keynote'`, `Event 'Keynote'`, or where it is when it has neither. */
export function eventLabel(event: unknown, where: { day: number; room: string; index: number }): string {
  const fields = asRecord(event);
  const id = fields?.id;
  const title = typeof fields?.title === 'string' && fields.title.trim() !== '' ? ` ${quoted(fields.title)}` : '';
  if (typeof id === 'number' || (typeof id === 'string' && id !== '')) {
    return `Event ${String(id).slice(0, 40)}${title}`;
  }
  if (title !== '') return `Event${title}`;
  return `Event ${where.index + 1} in room ${quoted(where.room)} on day ${where.day + 1}`;
}

export function dayLabel(day: unknown, index: number): string {
  const date = asRecord(day)?.date;
  if (typeof date !== 'string' || date === '') return `Day ${index + 1}`;
  return `Day ${index + 1} (${/^[\d-]{1,10}$/.test(date) ? date : quoted(date)})`;
}

export function personLabel(person: unknown, index: number): string {
  const fields = asRecord(person);
  const name = [fields?.public_name, fields?.name].find((n) => typeof n === 'string' && n.trim() !== '');
  return typeof name === 'string' ? `person ${index + 1} (${quoted(name)})` : `person ${index + 1}`;
}

/** Singular names of the extension's record lists, for messages. */
export const extensionRecordNames: Readonly<Record<string, string>> = {
  days: 'Day',
  stages: 'Stage',
  sessions: 'Session',
  items: 'Programme item',
  speakers: 'Speaker',
  cities: 'City',
  channels: 'Channel'
};

/** `Session 'd1-cases'` or `Session 4` for a record of the extension. */
export function extensionRecordLabel(list: string, record: unknown, index: number): string {
  const name = extensionRecordNames[list] ?? 'Record';
  const id = asRecord(record)?.id;
  return typeof id === 'string' && id !== '' ? `${name} ${quoted(id)}` : `${name} ${index + 1}`;
}

/**
 * The label of the record that contains `path` in the raw file, and how
 * many path keys it takes, so the rest can name the field.
 */
export function labelAt(root: unknown, path: readonly PropertyKey[]): { label: string; depth: number } | null {
  const at = (depth: number) => valueAt(root, path.slice(0, depth));
  const [s, c, list, i, rooms, room, j, persons, p] = path;
  if (s !== 'schedule') return null;
  if (c === 'conference' && list === 'days' && typeof i === 'number') {
    if (rooms === 'rooms' && typeof room === 'string' && typeof j === 'number') {
      const event = eventLabel(at(7), { day: i, room, index: j });
      if (persons === 'persons' && typeof p === 'number') {
        return { label: `${event}, ${personLabel(at(9), p)}`, depth: 9 };
      }
      return { label: event, depth: 7 };
    }
    if (rooms === 'rooms' && typeof room === 'string' && path.length === 6) {
      return { label: `${dayLabel(at(4), i)}, room ${quoted(room)}`, depth: 6 };
    }
    return { label: dayLabel(at(4), i), depth: 4 };
  }
  if (c === 'conference' && list === 'rooms' && typeof i === 'number') {
    const name = asRecord(at(4))?.name;
    return { label: `Room ${i + 1}${typeof name === 'string' ? ` ${quoted(name)}` : ''}`, depth: 4 };
  }
  if (c === 'x-madang' && typeof list === 'string' && list in extensionRecordNames && typeof i === 'number') {
    return { label: extensionRecordLabel(list, at(4), i), depth: 4 };
  }
  return null;
}

/** The raw value at `path`, undefined when the path leads nowhere. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
