/**
 * Test helper: a programme as plain data that two copies of one programme
 * share, whatever their ids and slug. Ids lose the import's prefix (an
 * import stores `<prefix><id>`), lists are sorted by what orders them, and
 * database bookkeeping (edition id, slug, state, versions, timestamps) is
 * left out. Everything an organiser wrote stays: every translation, times,
 * zones, positions, states, speakers, cities, channels, illustrative flags.
 */
import type { Programme } from '../../programme.js';

export function comparableProgramme(programme: Programme, idPrefix = ''): unknown {
  const id = (value: string) => (idPrefix !== '' && value.startsWith(idPrefix) ? value.slice(idPrefix.length) : value);
  const optionalId = (value: string | null) => (value === null ? null : id(value));
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  const byKeys = <T>(list: readonly T[], ...keys: ((record: T) => string | number)[]) =>
    [...list].sort((a, b) => {
      for (const key of keys) {
        const [x, y] = [key(a), key(b)];
        if (x < y) return -1;
        if (x > y) return 1;
      }
      return 0;
    });
  const { organisation, series, edition } = programme;
  return {
    organisation: { slug: organisation.slug, name: organisation.name, url: organisation.url },
    series: { slug: series.slug, name: series.name },
    edition: {
      title: edition.title,
      theme: edition.theme,
      summary: edition.summary,
      hostZone: edition.hostZone,
      defaultLocale: edition.defaultLocale,
      locales: edition.locales,
      startsOn: edition.startsOn,
      endsOn: edition.endsOn
    },
    days: byKeys(
      programme.days,
      (d) => d.position,
      (d) => id(d.id)
    ).map((d) => ({ ...d, id: id(d.id), editionId: undefined })),
    stages: byKeys(programme.stages, (s) => id(s.id)).map((s) => ({ id: id(s.id), name: s.name })),
    sessions: byKeys(
      programme.sessions,
      (s) => s.startsAt.getTime(),
      (s) => s.position,
      (s) => id(s.id)
    ).map((s) => ({
      ...s,
      id: id(s.id),
      editionId: undefined,
      version: undefined,
      dayId: id(s.dayId),
      stageId: optionalId(s.stageId),
      startsAt: iso(s.startsAt),
      endsAt: iso(s.endsAt),
      channelIds: s.channelIds.map(id)
    })),
    items: byKeys(
      programme.items,
      (i) => id(i.sessionId),
      (i) => i.position,
      (i) => id(i.id)
    ).map((i) => ({
      ...i,
      id: id(i.id),
      sessionId: id(i.sessionId),
      startsAt: iso(i.startsAt),
      endsAt: iso(i.endsAt),
      speakerIds: i.speakerIds.map(id)
    })),
    speakers: byKeys(programme.speakers, (s) => id(s.id)).map((s) => ({
      ...s,
      id: id(s.id),
      editionId: undefined,
      cityId: optionalId(s.cityId)
    })),
    cities: byKeys(
      programme.cities,
      (c) => c.position,
      (c) => id(c.id)
    ).map((c) => ({ ...c, id: id(c.id), editionId: undefined })),
    channels: byKeys(
      programme.channels,
      (c) => c.position,
      (c) => id(c.id)
    ).map((c) => ({ ...c, id: id(c.id), editionId: undefined }))
  };
}
