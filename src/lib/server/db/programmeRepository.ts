/**
 * Reads and writes whole programmes. Loading is a handful of indexed queries
 * per edition; saving a programme (the demo, an import) is one transaction so
 * a failure leaves nothing behind.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  Channel,
  City,
  Day,
  Edition,
  Organisation,
  Programme,
  ProgrammeItem,
  Series,
  Session,
  Speaker,
  Stage
} from '../../domain/programme.js';
import type { DatabaseSchema } from './schema.js';

type Db = Kysely<DatabaseSchema>;

export interface EditionSummary {
  readonly slug: string;
  readonly title: Edition['title'];
  readonly startsOn: string;
  readonly endsOn: string;
  readonly state: Edition['state'];
}

export interface LoadOptions {
  /** Include draft sessions and draft editions (console previews). */
  readonly includeDrafts?: boolean;
}

export class ProgrammeRepository {
  constructor(private readonly db: Db) {}

  async hasAnyEdition(): Promise<boolean> {
    const row = await this.db.selectFrom('edition').select('id').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async listEditions(options: LoadOptions = {}): Promise<EditionSummary[]> {
    let query = this.db
      .selectFrom('edition')
      .select(['slug', 'title', 'starts_on', 'ends_on', 'state'])
      .where('deleted_at', 'is', null)
      .orderBy('starts_on', 'desc');
    if (!options.includeDrafts) query = query.where('state', '=', 'published');
    const rows = await query.execute();
    return rows.map((r) => ({
      slug: r.slug,
      title: r.title,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      state: r.state
    }));
  }

  async loadProgramme(slug: string, options: LoadOptions = {}): Promise<Programme | null> {
    let editionQuery = this.db
      .selectFrom('edition')
      .selectAll()
      .where('slug', '=', slug)
      .where('deleted_at', 'is', null);
    if (!options.includeDrafts) editionQuery = editionQuery.where('state', '=', 'published');
    const editionRow = await editionQuery.executeTakeFirst();
    if (!editionRow) return null;
    const editionId = editionRow.id;
    const db = this.db;

    const [seriesRow, days, stages, sessions, sessionChannels, items, itemSpeakers, speakers, cities, channels] =
      await Promise.all([
        db.selectFrom('series').selectAll().where('id', '=', editionRow.series_id).executeTakeFirstOrThrow(),
        db
          .selectFrom('day')
          .selectAll()
          .where('edition_id', '=', editionId)
          .where('deleted_at', 'is', null)
          .orderBy('position')
          .execute(),
        db
          .selectFrom('stage')
          .selectAll()
          .where('edition_id', '=', editionId)
          .where('deleted_at', 'is', null)
          .orderBy('id')
          .execute(),
        db
          .selectFrom('session')
          .selectAll()
          .where('edition_id', '=', editionId)
          .where('deleted_at', 'is', null)
          .$if(!options.includeDrafts, (q) => q.where('state', '=', 'published'))
          .orderBy('starts_at')
          .orderBy('position')
          .execute(),
        db
          .selectFrom('session_channel')
          .innerJoin('session', 'session.id', 'session_channel.session_id')
          .innerJoin('channel', 'channel.id', 'session_channel.channel_id')
          .select(['session_channel.session_id', 'session_channel.channel_id'])
          .where('session.edition_id', '=', editionId)
          // A deleted channel leaves every session (and export) until it is restored; the link itself is kept.
          .where('channel.deleted_at', 'is', null)
          .orderBy('channel.position')
          .execute(),
        db
          .selectFrom('programme_item')
          .innerJoin('session', 'session.id', 'programme_item.session_id')
          .selectAll('programme_item')
          .where('session.edition_id', '=', editionId)
          .where('programme_item.deleted_at', 'is', null)
          .orderBy('programme_item.position')
          .execute(),
        db
          .selectFrom('programme_item_speaker')
          .innerJoin('speaker', 'speaker.id', 'programme_item_speaker.speaker_id')
          .select([
            'programme_item_speaker.programme_item_id',
            'programme_item_speaker.speaker_id',
            'programme_item_speaker.position'
          ])
          .where('speaker.edition_id', '=', editionId)
          // A deleted speaker leaves the items they spoke in until restored (their links are kept).
          .where('speaker.deleted_at', 'is', null)
          .orderBy('programme_item_speaker.position')
          .execute(),
        db
          .selectFrom('speaker')
          .selectAll()
          .where('edition_id', '=', editionId)
          .where('deleted_at', 'is', null)
          .orderBy('id')
          .execute(),
        db
          .selectFrom('city')
          .selectAll()
          .where('edition_id', '=', editionId)
          .where('deleted_at', 'is', null)
          .orderBy('position')
          .execute(),
        db
          .selectFrom('channel')
          .selectAll()
          .where('edition_id', '=', editionId)
          .where('deleted_at', 'is', null)
          .orderBy('position')
          .execute()
      ]);
    const organisationRow = await db
      .selectFrom('organisation')
      .selectAll()
      .where('id', '=', seriesRow.organisation_id)
      .executeTakeFirstOrThrow();

    const channelsBySession = groupBy(
      sessionChannels,
      (r) => r.session_id,
      (r) => r.channel_id
    );
    const speakersByItem = groupBy(
      itemSpeakers,
      (r) => r.programme_item_id,
      (r) => r.speaker_id
    );
    const sessionIds = new Set(sessions.map((s) => s.id));
    // A speaker of a deleted city shows no city until the city is restored (the link is kept).
    const cityIds = new Set(cities.map((c) => c.id));

    const organisation: Organisation = {
      id: organisationRow.id,
      slug: organisationRow.slug,
      name: organisationRow.name,
      url: organisationRow.url
    };
    const series: Series = {
      id: seriesRow.id,
      organisationId: seriesRow.organisation_id,
      slug: seriesRow.slug,
      name: seriesRow.name
    };
    const edition: Edition = {
      id: editionRow.id,
      seriesId: editionRow.series_id,
      slug: editionRow.slug,
      title: editionRow.title,
      theme: editionRow.theme,
      summary: editionRow.summary,
      hostZone: editionRow.host_zone,
      defaultLocale: editionRow.default_locale,
      locales: editionRow.locales,
      startsOn: editionRow.starts_on,
      endsOn: editionRow.ends_on,
      state: editionRow.state,
      version: editionRow.version,
      updatedAt: new Date(editionRow.updated_at)
    };
    return {
      organisation,
      series,
      edition,
      days: days.map((r): Day => ({
        id: r.id,
        editionId: r.edition_id,
        date: r.date,
        title: r.title,
        position: r.position
      })),
      stages: stages.map((r): Stage => ({ id: r.id, editionId: r.edition_id, name: r.name })),
      sessions: sessions.map((r): Session => ({
        id: r.id,
        editionId: r.edition_id,
        dayId: r.day_id,
        stageId: r.stage_id,
        kind: r.kind,
        title: r.title,
        summary: r.summary,
        startsAt: new Date(r.starts_at),
        endsAt: new Date(r.ends_at),
        zone: r.zone,
        position: r.position,
        state: r.state,
        channelIds: channelsBySession.get(r.id) ?? [],
        isIllustrative: r.is_illustrative,
        version: r.version
      })),
      items: items
        .filter((r) => sessionIds.has(r.session_id))
        .map((r): ProgrammeItem => ({
          id: r.id,
          sessionId: r.session_id,
          title: r.title,
          summary: r.summary,
          startsAt: r.starts_at ? new Date(r.starts_at) : null,
          endsAt: r.ends_at ? new Date(r.ends_at) : null,
          position: r.position,
          speakerIds: speakersByItem.get(r.id) ?? [],
          isIllustrative: r.is_illustrative
        })),
      speakers: speakers.map((r): Speaker => ({
        id: r.id,
        editionId: r.edition_id,
        name: r.name,
        jobTitle: r.job_title,
        organisation: r.organisation,
        cityId: r.city_id !== null && cityIds.has(r.city_id) ? r.city_id : null,
        bio: r.bio,
        photoUrl: r.photo_url,
        languages: r.languages,
        presence: r.presence,
        isIllustrative: r.is_illustrative
      })),
      cities: cities.map((r): City => ({
        id: r.id,
        editionId: r.edition_id,
        name: r.name,
        country: r.country,
        zone: r.zone,
        summary: r.summary,
        position: r.position,
        isIllustrative: r.is_illustrative
      })),
      channels: channels.map((r): Channel => ({
        id: r.id,
        editionId: r.edition_id,
        kind: r.kind,
        name: r.name,
        url: r.url,
        position: r.position
      }))
    };
  }

  /** Stores a whole programme in one transaction; the organisation and series are reused when they exist. */
  async saveProgramme(programme: Programme): Promise<void> {
    await this.db.transaction().execute((tx) => insertProgramme(tx, programme));
  }
}

/**
 * Inserts a whole programme inside the caller's transaction. The organisation
 * and series are left alone when their ids exist. Rows go in chunks, because
 * PostgreSQL takes at most 65,535 parameters in one statement and a large
 * import has thousands of rows of a dozen columns.
 */
export async function insertProgramme(tx: Transaction<DatabaseSchema>, p: Programme): Promise<void> {
  const json = (value: object) => JSON.stringify(value);
  await tx
    .insertInto('organisation')
    .values({
      id: p.organisation.id,
      slug: p.organisation.slug,
      name: json(p.organisation.name),
      url: p.organisation.url
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await tx
    .insertInto('series')
    .values({
      id: p.series.id,
      organisation_id: p.series.organisationId,
      slug: p.series.slug,
      name: json(p.series.name)
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const e = p.edition;
  await tx
    .insertInto('edition')
    .values({
      id: e.id,
      series_id: e.seriesId,
      slug: e.slug,
      title: json(e.title),
      theme: json(e.theme),
      summary: json(e.summary),
      host_zone: e.hostZone,
      default_locale: e.defaultLocale,
      locales: [...e.locales],
      starts_on: e.startsOn,
      ends_on: e.endsOn,
      state: e.state,
      updated_at: e.updatedAt
    })
    .execute();
  for (const rows of chunks(
    p.days.map((d) => ({ id: d.id, edition_id: e.id, date: d.date, title: json(d.title), position: d.position }))
  ))
    await tx.insertInto('day').values(rows).execute();
  for (const rows of chunks(p.stages.map((s) => ({ id: s.id, edition_id: e.id, name: json(s.name) }))))
    await tx.insertInto('stage').values(rows).execute();
  for (const rows of chunks(
    p.channels.map((c) => ({
      id: c.id,
      edition_id: e.id,
      kind: c.kind,
      name: json(c.name),
      url: c.url,
      position: c.position
    }))
  ))
    await tx.insertInto('channel').values(rows).execute();
  const cities = p.cities.map((c) => ({
    id: c.id,
    edition_id: e.id,
    name: json(c.name),
    country: c.country,
    zone: c.zone,
    summary: json(c.summary),
    position: c.position,
    is_illustrative: c.isIllustrative
  }));
  for (const rows of chunks(cities)) await tx.insertInto('city').values(rows).execute();
  const speakers = p.speakers.map((s) => ({
    id: s.id,
    edition_id: e.id,
    name: json(s.name),
    job_title: json(s.jobTitle),
    organisation: json(s.organisation),
    city_id: s.cityId,
    bio: json(s.bio),
    photo_url: s.photoUrl,
    languages: [...s.languages],
    presence: s.presence,
    is_illustrative: s.isIllustrative
  }));
  for (const rows of chunks(speakers)) await tx.insertInto('speaker').values(rows).execute();
  const sessions = p.sessions.map((s) => ({
    id: s.id,
    edition_id: e.id,
    day_id: s.dayId,
    stage_id: s.stageId,
    kind: s.kind,
    title: json(s.title),
    summary: json(s.summary),
    starts_at: s.startsAt,
    ends_at: s.endsAt,
    zone: s.zone,
    position: s.position,
    state: s.state,
    is_illustrative: s.isIllustrative
  }));
  for (const rows of chunks(sessions)) await tx.insertInto('session').values(rows).execute();
  const sessionChannels = p.sessions.flatMap((s) =>
    s.channelIds.map((channelId) => ({ session_id: s.id, channel_id: channelId }))
  );
  for (const rows of chunks(sessionChannels)) await tx.insertInto('session_channel').values(rows).execute();
  const items = p.items.map((i) => ({
    id: i.id,
    session_id: i.sessionId,
    title: json(i.title),
    summary: json(i.summary),
    starts_at: i.startsAt,
    ends_at: i.endsAt,
    position: i.position,
    is_illustrative: i.isIllustrative
  }));
  for (const rows of chunks(items)) await tx.insertInto('programme_item').values(rows).execute();
  const itemSpeakers = p.items.flatMap((i) =>
    i.speakerIds.map((speakerId, position) => ({ programme_item_id: i.id, speaker_id: speakerId, position }))
  );
  for (const rows of chunks(itemSpeakers)) await tx.insertInto('programme_item_speaker').values(rows).execute();
}

/** At most 1,000 rows of at most 13 columns: well under PostgreSQL's 65,535 parameters per statement. */
function chunks<T>(rows: readonly T[], size = 1_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(value(row));
    else groups.set(k, [value(row)]);
  }
  return groups;
}
