/**
 * A Madang export back into a programme: the `x-madang` records, checked for
 * what a schema cannot see (duplicate ids, records that name missing ones,
 * ends before starts), then moved into the target edition: new edition id
 * and slug, every record id prefixed, every reference rewritten with it.
 */
import type { Programme } from '../programme.js';
import { parseUtcInstant } from './frabTimes.js';
import type { ResolvedTarget } from './importTarget.js';
import { failed, formatPath, importError, quoted, type ImportError, type ImportResult } from './importResult.js';
import type { MadangExtension } from './madangExtension.js';
import { extensionRecordLabel } from './recordLabels.js';
import { prefixedId } from './recordIds.js';

const base = ['schedule', 'x-madang'] as const;

export function programmeFromMadang(extension: MadangExtension, target: ResolvedTarget): ImportResult {
  const errors = [...duplicateErrors(extension), ...referenceErrors(extension), ...timeErrors(extension)];
  if (errors.length > 0) return failed(errors);

  const rekey = (id: string) => prefixedId(target.idPrefix, id);
  const rekeyed = rekeyedErrors(extension, rekey);
  if (rekeyed.length > 0) return failed(rekeyed);

  const editionId = target.editionId;
  const organisationId = target.organisationId ?? extension.organisation.id;
  const seriesId = target.seriesId ?? extension.series.id;
  const instant = (value: string) => parseUtcInstant(value) as Date; // checked by the schema
  const programme: Programme = {
    organisation: { ...extension.organisation, id: organisationId },
    series: { ...extension.series, id: seriesId, organisationId },
    edition: {
      ...extension.edition,
      id: editionId,
      seriesId,
      slug: target.slug,
      state: target.state,
      version: 1,
      updatedAt: target.now
    },
    days: extension.days.map((d) => ({ ...d, id: rekey(d.id), editionId })),
    stages: extension.stages.map((s) => ({ ...s, id: rekey(s.id), editionId })),
    sessions: extension.sessions.map((s) => ({
      ...s,
      id: rekey(s.id),
      editionId,
      dayId: rekey(s.dayId),
      stageId: s.stageId === null ? null : rekey(s.stageId),
      startsAt: instant(s.startsAt),
      endsAt: instant(s.endsAt),
      channelIds: s.channelIds.map(rekey),
      version: 1
    })),
    items: extension.items.map((i) => ({
      ...i,
      id: rekey(i.id),
      sessionId: rekey(i.sessionId),
      startsAt: i.startsAt === null ? null : instant(i.startsAt),
      endsAt: i.endsAt === null ? null : instant(i.endsAt),
      speakerIds: i.speakerIds.map(rekey)
    })),
    speakers: extension.speakers.map((s) => ({
      ...s,
      id: rekey(s.id),
      editionId,
      cityId: s.cityId === null ? null : rekey(s.cityId)
    })),
    cities: extension.cities.map((c) => ({ ...c, id: rekey(c.id), editionId })),
    channels: extension.channels.map((c) => ({ ...c, id: rekey(c.id), editionId }))
  };
  return { ok: true, programme, source: 'madang' };
}

type ListName = 'days' | 'stages' | 'sessions' | 'items' | 'speakers' | 'cities' | 'channels';
const listNames: readonly ListName[] = ['days', 'stages', 'sessions', 'items', 'speakers', 'cities', 'channels'];

function duplicateErrors(extension: MadangExtension): ImportError[] {
  const errors: ImportError[] = [];
  for (const list of listNames) {
    const seen = new Set<string>();
    extension[list].forEach((record, index) => {
      if (seen.has(record.id)) {
        errors.push(
          importError(
            'import.duplicate_id',
            formatPath([...base, list, index, 'id']),
            `${extensionRecordLabel(list, record, index)} appears twice in the Madang data; each id must be unique.`
          )
        );
      }
      seen.add(record.id);
    });
  }
  // Join tables key on the pair, so a repeat inside one list cannot be stored.
  const repeats = (list: ListName, index: number, field: string, ids: readonly string[], record: { id: string }) => {
    const dupe = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dupe !== undefined) {
      errors.push(
        importError(
          'import.duplicate_id',
          formatPath([...base, list, index, field]),
          `${extensionRecordLabel(list, record, index)} lists ${quoted(dupe)} twice in ${field}.`
        )
      );
    }
  };
  extension.sessions.forEach((s, i) => repeats('sessions', i, 'channelIds', s.channelIds, s));
  extension.items.forEach((item, i) => repeats('items', i, 'speakerIds', item.speakerIds, item));
  return errors;
}

function referenceErrors(extension: MadangExtension): ImportError[] {
  const ids = (list: ListName) => new Set(extension[list].map((record) => record.id));
  const days = ids('days');
  const stages = ids('stages');
  const sessions = ids('sessions');
  const speakers = ids('speakers');
  const cities = ids('cities');
  const channels = ids('channels');
  const errors: ImportError[] = [];
  const check = (
    list: ListName,
    index: number,
    record: { id: string },
    field: string,
    wanted: string | null,
    known: ReadonlySet<string>,
    kind: string
  ) => {
    if (wanted === null || known.has(wanted)) return;
    errors.push(
      importError(
        'import.unknown_reference',
        formatPath([...base, list, index, field]),
        `${extensionRecordLabel(list, record, index)} refers to ${kind} ${quoted(wanted)}, which is not in the file.`
      )
    );
  };
  extension.sessions.forEach((s, i) => {
    check('sessions', i, s, 'dayId', s.dayId, days, 'day');
    check('sessions', i, s, 'stageId', s.stageId, stages, 'stage');
    for (const channelId of s.channelIds) check('sessions', i, s, 'channelIds', channelId, channels, 'channel');
  });
  extension.items.forEach((item, i) => {
    check('items', i, item, 'sessionId', item.sessionId, sessions, 'session');
    for (const speakerId of item.speakerIds) check('items', i, item, 'speakerIds', speakerId, speakers, 'speaker');
  });
  extension.speakers.forEach((s, i) => check('speakers', i, s, 'cityId', s.cityId, cities, 'city'));
  return errors;
}

function timeErrors(extension: MadangExtension): ImportError[] {
  const errors: ImportError[] = [];
  const { edition } = extension;
  if (edition.endsOn < edition.startsOn) {
    errors.push(
      importError(
        'import.bad_date',
        formatPath([...base, 'edition', 'endsOn']),
        `The edition ends on ${edition.endsOn}, before it starts on ${edition.startsOn}.`
      )
    );
  }
  const order = (
    list: 'sessions' | 'items',
    index: number,
    record: { id: string; startsAt: string | null; endsAt: string | null },
    allowEqual: boolean
  ) => {
    if (record.startsAt === null || record.endsAt === null) return;
    const [start, end] = [parseUtcInstant(record.startsAt), parseUtcInstant(record.endsAt)];
    if (!start || !end || end > start || (allowEqual && end.getTime() === start.getTime())) return;
    errors.push(
      importError(
        'import.bad_duration',
        formatPath([...base, list, index, 'endsAt']),
        `${extensionRecordLabel(list, record, index)} ends at ${record.endsAt}, ${end < start ? 'before' : 'as'} it starts (${record.startsAt}).`
      )
    );
  };
  // A session must last (the database refuses otherwise); an item may be a moment.
  extension.sessions.forEach((s, i) => order('sessions', i, s, false));
  extension.items.forEach((item, i) => order('items', i, item, true));
  return errors;
}

/** Prefixing shortens very long ids with a hash; two may in theory meet. */
function rekeyedErrors(extension: MadangExtension, rekey: (id: string) => string): ImportError[] {
  const errors: ImportError[] = [];
  for (const list of listNames) {
    const seen = new Map<string, string>();
    extension[list].forEach((record, index) => {
      const id = rekey(record.id);
      const other = seen.get(id);
      if (other !== undefined) {
        errors.push(
          importError(
            'import.duplicate_id',
            formatPath([...base, list, index, 'id']),
            `${extensionRecordLabel(list, record, index)} and ${quoted(other)} get the same id ${quoted(id)} with this id prefix; choose another prefix.`
          )
        );
      }
      seen.set(id, record.id);
    });
  }
  return errors;
}
