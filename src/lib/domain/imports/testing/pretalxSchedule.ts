/**
 * Test fixture: a small schedule as pretalx exports it (`/schedule/export/
 * schedule.json`), written by hand. Two days in Berlin either side of the
 * switch to summer time (31 March 2024, 02:00 CET → 03:00 CEST), two rooms,
 * German and English events, people shared between events, and the quirks
 * real files have: `null` for empty fields, a frab-style person without a
 * guid, an event with `start` but no `date`. Built fresh on every call,
 * people included, so a test can break one field without touching the next.
 */

export interface PretalxPerson {
  code?: string;
  id?: number;
  guid?: string;
  name: string;
  public_name: string;
  avatar?: string | null;
  biography: string | null;
  answers?: unknown[];
}

export interface PretalxEvent {
  id: number;
  guid: string;
  code: string;
  logo: string | null;
  date?: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string | null;
  type: string;
  language: string;
  abstract: string;
  description: string;
  recording_license: string;
  do_not_record: boolean;
  persons: PretalxPerson[];
  links: unknown[];
  feedback_url: string;
  origin_url: string;
  attachments: unknown[];
  answers: unknown[];
}

export interface PretalxDay {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: Record<string, PretalxEvent[]>;
}

export interface PretalxSchedule {
  $schema: string;
  generator: { name: string; version: string };
  schedule: {
    url: string;
    version: string;
    base_url: string;
    conference: {
      acronym: string;
      title: string;
      start: string;
      end: string;
      daysCount: number;
      timeslot_duration: string;
      time_zone_name: string;
      colors: { primary: string };
      rooms: { name: string; slug: string; guid: string; description: string | null; capacity: number | null }[];
      tracks: { name: string; color: string }[];
      days: PretalxDay[];
    };
  };
}

const base = 'https://pretalx.example/kiez24';

const anna = (): PretalxPerson => ({
  code: 'ANNA7Q',
  guid: '0d4c7a52-51c5-5b8e-9d38-2a3f1d8b0e11',
  name: 'Anna Schmidt',
  public_name: 'Anna Schmidt',
  avatar: `${base}/media/avatars/anna.webp`,
  biography: 'Stadtplanerin im Bezirksamt Neukölln.',
  answers: []
});

const jonas = (): PretalxPerson => ({
  code: 'JONAS3',
  guid: '6f0a9a31-8f7e-5a4e-8c1b-51f0c2e4a722',
  name: 'Jonas Weber',
  public_name: 'Jonas Weber',
  avatar: null,
  biography: null,
  answers: []
});

const priya = (): PretalxPerson => ({
  code: 'PRIYA9',
  guid: 'b3e1f5d8-2c47-5e6a-9f10-7d2c8a4b6e33',
  name: 'Priya Natarajan',
  public_name: 'Priya Natarajan',
  avatar: 'https://pretalx.example/media/avatars/priya.png',
  biography: 'Maps step-free routes with volunteers.',
  answers: []
});

/** frab writes people with an integer id and no guid. */
const mia = (): PretalxPerson => ({ id: 7, name: 'Mia', public_name: 'Mia', biography: null });

export function pretalxEvent(overrides: Partial<PretalxEvent> & Pick<PretalxEvent, 'id' | 'title'>): PretalxEvent {
  const slug = `kiez24-${overrides.id}-${overrides.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return {
    guid: `00000000-0000-5000-8000-${String(overrides.id).padStart(12, '0')}`,
    code: `E${overrides.id}`,
    logo: null,
    date: '2024-03-30T10:00:00+01:00',
    start: '10:00',
    duration: '00:45',
    room: 'Saal 1',
    slug,
    url: `${base}/talk/E${overrides.id}/`,
    subtitle: '',
    track: null,
    type: 'Talk',
    language: 'de',
    abstract: '',
    description: '',
    recording_license: '',
    do_not_record: false,
    persons: [],
    links: [],
    feedback_url: `${base}/talk/E${overrides.id}/feedback/`,
    origin_url: `${base}/talk/E${overrides.id}/`,
    attachments: [],
    answers: [],
    ...overrides
  };
}

export function pretalxSchedule(): PretalxSchedule {
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'pretalx', version: '2024.1.0' },
    schedule: {
      url: `${base}/schedule/`,
      version: '0.7',
      base_url: `${base}/`,
      conference: {
        acronym: 'kiez24',
        title: 'Kiezkonferenz 2024',
        start: '2024-03-30',
        end: '2024-03-31',
        daysCount: 2,
        timeslot_duration: '00:05',
        time_zone_name: 'Europe/Berlin',
        colors: { primary: '#3aa57c' },
        rooms: [
          {
            name: 'Saal 1',
            slug: 'saal-1',
            guid: 'a1a1a1a1-0000-5000-8000-000000000001',
            description: null,
            capacity: 300
          },
          {
            name: 'Werkstatt',
            slug: 'werkstatt',
            guid: 'a1a1a1a1-0000-5000-8000-000000000002',
            description: 'Ground floor',
            capacity: 40
          }
        ],
        tracks: [{ name: 'Keynote', color: '#000000' }],
        days: [
          {
            index: 1,
            date: '2024-03-30',
            day_start: '2024-03-30T09:00:00+01:00',
            day_end: '2024-03-30T23:00:00+01:00',
            rooms: {
              'Saal 1': [
                pretalxEvent({
                  id: 101,
                  title: 'Eröffnung: Die Stadt für alle',
                  track: 'Keynote',
                  abstract: 'Warum Barrierefreiheit im Kiez beginnt.',
                  persons: [anna()]
                }),
                pretalxEvent({
                  id: 102,
                  title: 'Barrierefreie Verkehrsplanung',
                  date: '2024-03-30T11:00:00+01:00',
                  start: '11:00',
                  duration: '01:30',
                  abstract: 'Bordsteine, Ampeln, Aufzüge.',
                  description: 'Ein Gespräch über Planung und Praxis.',
                  persons: [anna(), jonas()]
                })
              ],
              Werkstatt: [
                pretalxEvent({
                  id: 103,
                  title: 'Mapping accessible routes',
                  date: '2024-03-30T14:00:00+01:00',
                  start: '14:00',
                  duration: '02:00',
                  room: 'Werkstatt',
                  type: 'Workshop',
                  language: 'en',
                  abstract: 'Bring a phone; we map step-free routes together.',
                  persons: [priya()]
                })
              ]
            }
          },
          {
            index: 2,
            date: '2024-03-31',
            day_start: '2024-03-31T10:00:00+02:00',
            day_end: '2024-03-31T18:00:00+02:00',
            rooms: {
              'Saal 1': [
                pretalxEvent({
                  id: 201,
                  title: 'Cities after the clocks change',
                  date: '2024-03-31T10:00:00+02:00',
                  start: '10:00',
                  duration: '01:00',
                  language: 'en',
                  persons: [jonas()]
                }),
                // Older frab: no `date`, so the start is read in the
                // conference's zone, which is on summer time by now.
                withoutDate(
                  pretalxEvent({ id: 202, title: 'Mittagspause', start: '12:00', duration: '00:30', type: 'Break' })
                )
              ],
              Werkstatt: [
                pretalxEvent({
                  id: 203,
                  title: 'Open mic',
                  date: '2024-03-31T15:30:00+02:00',
                  start: '15:30',
                  duration: '01:15',
                  room: 'Werkstatt',
                  type: 'Lightning talks',
                  language: '',
                  persons: [mia()]
                })
              ]
            }
          }
        ]
      }
    }
  };
}

function withoutDate(event: PretalxEvent): PretalxEvent {
  const { date: _date, ...rest } = event;
  return rest;
}

/** Every event of the fixture, for tests that change one. */
export function eventsOf(schedule: PretalxSchedule): PretalxEvent[] {
  return schedule.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
}
