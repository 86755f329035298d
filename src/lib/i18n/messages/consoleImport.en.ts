/** English messages of the console's programme import and export (frab / pretalx schedule JSON). */
export const consoleImportEn = {
  dashboardLink: 'Import a programme',
  exportLink: 'Export (frab JSON)',
  exportHint:
    'The whole programme, drafts and every translation included, as frab schedule JSON that Madang imports back unchanged.',

  title: 'Import a programme',
  intro:
    'Create a new edition from a schedule file: a Madang export (everything comes back: translations, drafts, cities, channels) or a frab or pretalx schedule.json (one language, no cities or channels). The new edition starts as a draft.',
  file: 'Schedule file (JSON)',
  fileHint: (megabytes: number) => `A .json file of at most ${megabytes} MB.`,
  slug: 'Address of the new edition',
  slugHint: 'Lower-case letters, digits and dashes, e.g. seoul-2021. The edition will be at /seoul-2021.',
  plainHeading: 'Only for frab or pretalx files',
  plainHelp: 'A Madang export states these itself; leave them empty unless the file lacks them.',
  zone: 'Time zone of the schedule',
  zoneHint:
    'An IANA time zone such as Asia/Seoul, used when the file does not name one. Leave empty to use the file’s.',
  defaultLocale: 'Language of the texts',
  defaultLocaleHint:
    'A language tag such as ko or en, used when the events do not say. Leave empty to use the events’ own.',
  submit: 'Import',

  fileRejected: (count: number) =>
    count === 1
      ? 'The file was not imported: it has 1 problem, listed below.'
      : `The file was not imported: it has ${count} problems, listed below.`,
  problemsHeading: 'Problems in the file',
  wholeFile: 'the whole file',
  at: (path: string) => `at ${path}`,
  tooLarge: (megabytes: number) =>
    `The file is larger than ${megabytes} MB, the most Madang imports at once. Split the programme or remove long texts.`,

  imported: (c: {
    days: number;
    stages: number;
    sessions: number;
    items: number;
    speakers: number;
    cities: number;
    channels: number;
  }) =>
    `Programme imported as a draft edition: ${[
      count(c.days, 'day', 'days'),
      count(c.stages, 'stage', 'stages'),
      count(c.sessions, 'session', 'sessions'),
      count(c.items, 'programme item', 'programme items'),
      count(c.speakers, 'speaker', 'speakers'),
      count(c.cities, 'city', 'cities'),
      count(c.channels, 'channel', 'channels')
    ].join(', ')}. Check it, then publish it.`,

  errors: {
    'import.file_missing': 'Choose a schedule file to import.',
    'import.slug_invalid':
      'Use lower-case letters, digits and dashes (at most 39), not ending in a dash and not a word the site uses itself (such as console).',
    'import.slug_taken': 'An edition with this address exists already. Choose another.',
    'import.locale_invalid': 'Enter a language tag such as ko or en, or leave it empty.',
    'import.unknown_zone': 'Not a time zone Madang knows: use an IANA name such as Asia/Seoul or Europe/Berlin.',
    'import.not_json': 'Not JSON.',
    'import.too_large': 'Too large to import.',
    'import.text_too_long': 'A text is too long.',
    'import.not_frab': 'Not the shape of a frab or pretalx schedule.',
    'import.bad_extension': 'The Madang data (x-madang) is damaged.',
    'import.unsupported_extension': 'The Madang data is from a newer Madang.',
    'import.extension_mismatch': 'The schedule was changed after Madang exported it.',
    'import.bad_date': 'Not a valid date.',
    'import.bad_time': 'Not a valid time.',
    'import.bad_duration': 'Not a valid duration.',
    'import.duplicate_id': 'The same record twice.',
    'import.unknown_room': 'A room the schedule does not list.',
    'import.unknown_reference': 'Refers to a record that is not in the file.',
    'import.bad_target': 'The import settings are not valid.',
    'import.more_errors': 'More problems.',
    'import.ids_taken': 'The ids are in use by another edition.'
  }
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export type ConsoleImportMessages = typeof consoleImportEn;
