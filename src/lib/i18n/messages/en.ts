/** English interface messages. Every other locale must provide the same keys (checked by tsc). */
export const en = {
  languageName: 'English',
  siteName: 'Madang',
  skipToContent: 'Skip to main content',
  mainNavigation: 'Main',
  navHome: 'Home',
  navProgramme: 'Programme',
  navSpeakers: 'Speakers',
  navCities: 'Cities',
  navAccessibility: 'Accessibility',
  languageSwitch: 'Language',
  footerPoweredBy: 'Run on Madang, open-source software for inclusive online forums.',
  illustrative: 'Illustrative placeholder',
  illustrativeNote: 'Details marked “illustrative” are placeholders, not documented facts.',
  inOtherLanguage: 'Shown in another language',

  homeTheme: 'Theme',
  homeDates: (from: string, to: string) => `${from} – ${to}`,
  homeOnNow: 'On now',
  homeUpNext: 'Up next',
  homeNothingNow: 'Nothing is live right now.',
  homeFinished: 'This edition has ended. The programme stays here to read.',
  homeWatch: 'Where to watch',
  homeSeeProgramme: 'See the full programme',
  homeExports: 'Add the programme to your calendar or app',
  homeEditions: 'Editions',
  noEditions: 'No forum has been published yet.',

  programmeTitle: 'Programme',
  programmeZoneLegend: 'Show times in',
  programmeZoneLabel: 'Your time zone',
  programmeZoneSubmit: 'Show times',
  programmeZoneHelp: 'Times are shown in the host time zone and in the zone you choose.',
  programmeHostTime: (zone: string) => `Host time (${zone})`,
  programmeYourTime: (zone: string) => `Your time (${zone})`,
  programmeEmpty: 'The programme has not been published yet.',
  programmeDayHeading: (title: string, date: string) => `${title}, ${date}`,
  programmeSession: 'Session',
  programmeSpeakers: 'Speakers',
  downloadIcs: 'Calendar (.ics)',
  downloadJson: 'Schedule JSON (frab)',
  downloadXml: 'Schedule XML (frab)',

  sessionKind: {
    seminar_part: 'Seminar part',
    conference_session: 'Conference session',
    keynote: 'Keynote',
    talk_concert: 'Talk concert',
    break: 'Break'
  },
  sessionState: { scheduled: 'Scheduled', live: 'Live now', ended: 'Ended' },
  sessionWhen: 'When',
  sessionItems: 'Running order',
  sessionChannels: 'Watch on',
  sessionAddToCalendar: 'Add to calendar (.ics)',
  sessionBackToProgramme: 'Back to the programme',
  sessionStage: 'Stage',

  speakersTitle: 'Speakers',
  speakersEmpty: 'No speakers have been announced yet.',
  speakerJoins: { remote: 'Joins remotely', on_site: 'On site in the studio' },
  speakerLanguages: 'Speaks',
  speakerCity: 'City',
  speakerSessions: 'Appears in',
  speakerBio: 'About',

  citiesTitle: 'Cities',
  citiesIntro: (count: number) => `${count} cities take part in this edition.`,
  cityCountry: 'Country',
  cityZone: 'Time zone',
  cityLocalTime: 'Local time at the start of the forum',
  unknown: 'Not known',

  channelKind: { site: 'Forum website', youtube: 'YouTube', social: 'Social broadcast', other: 'Other channel' },

  accessibilityTitle: 'Accessibility statement',
  accessibilityIntro:
    'Madang aims for everyone to follow and take part in the forum, whatever their age, ability, language, device or network.',
  accessibilityStandard: 'Standard',
  accessibilityStandardText:
    'These pages are built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, and are checked with automated tests (axe-core) in a real browser on every change.',
  accessibilityWhat: 'What you can expect',
  accessibilityPoints: [
    'Every page works with a keyboard alone, with a visible focus indicator and a link to skip to the content.',
    'Every page works without JavaScript, on old phones and slow networks.',
    'Times are shown in the host time zone and in your own.',
    'Text can be enlarged to 200% without loss of content; motion is reduced when you ask your system for it.',
    'The interface is available in Korean and English; content falls back to another language when a translation is missing, and is marked so screen readers pronounce it correctly.'
  ],
  accessibilityLimits: 'Known limits',
  accessibilityLimitsText:
    'Live captions, interpretation and sign-language video are planned parts of the live stage and are not yet available on these pages.',
  accessibilityContact: 'Feedback',
  accessibilityContactText:
    'If something stops you from using this site, tell the organisers; we treat access barriers as defects.',

  notFoundTitle: 'Page not found',
  notFoundText: 'We could not find that page. It may have moved, or the address may be mistyped.',
  notFoundHome: 'Go to the forum home page',
  errorTitle: 'Something went wrong',
  errorText: 'The page could not be shown. Please try again in a moment.',

  dateWithWeekday: 'Date'
};

export type Messages = typeof en;
