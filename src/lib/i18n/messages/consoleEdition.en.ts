/** English messages of the console's edition pages: creating an edition, its settings, its days, deleted editions. */
export const consoleEditionEn = {
  dashboard: {
    newEdition: 'New edition',
    deletedHeading: 'Deleted editions',
    deletedIntro: 'Deleted editions are off the public site and the dashboard. Restoring one brings it back as it was.',
    restore: 'Restore',
    restoreLabel: (title: string) => `Restore ${title}`,
    settings: (title: string) => `Settings of ${title}`,
    days: (title: string) => `Days of ${title}`
  },

  overview: {
    settings: 'Edition settings',
    days: 'Days'
  },

  fields: {
    slug: 'Address (slug)',
    title: 'Title',
    theme: 'Theme',
    summary: 'Summary',
    hostZone: 'Host time zone',
    locales: 'Languages offered',
    extraLocales: 'Other languages',
    defaultLocale: 'Main language',
    startsOn: 'First day',
    endsOn: 'Last day',
    state: 'State',
    date: 'Date',
    days: 'Order of the days'
  },

  form: {
    newTitle: 'New edition',
    newIntro:
      'A new edition starts as a draft: nobody outside the console sees it until it is published. You can add its days once it exists.',
    settingsTitle: (title: string) => `Settings: ${title}`,
    identity: 'Address and dates',
    slugHint: 'Lowercase letters, digits and dashes, e.g. seoul-2021. The public pages live at /slug.',
    slugLockedHint:
      'The edition is published, so its address stays as it is: links to it are out in the world. Unpublish it to change the address.',
    slugDraftHint: 'While the edition is a draft its address can change. Once published, it stays fixed.',
    zoneHint: 'An IANA time zone, e.g. Asia/Seoul or Europe/Helsinki. The programme is entered in this zone.',
    dateHint: 'As YYYY-MM-DD, e.g. 2021-09-01.',
    languages: 'Languages',
    localesHint:
      'The languages the edition’s texts are written in. A language can only be removed once no text is written in it.',
    extraLocalesHint: 'More languages as BCP 47 tags separated by spaces, e.g. ja zh-Hant. Optional.',
    defaultLocaleHint:
      'Texts fall back to this language when a reader’s is missing. It must be one of the languages offered.',
    texts: 'Texts in each language',
    textsHint: 'The title is required in the main language.',
    textsNewHint:
      'Fields for the languages Madang’s interface speaks; texts in other languages can be written once the edition exists.',
    create: 'Create the edition',
    save: 'Save the settings',
    publishHeading: 'Publishing',
    published: 'The edition is published: its public pages are online.',
    draft: 'The edition is a draft: its public pages answer “not found”.',
    publish: 'Publish the edition',
    unpublish: 'Unpublish the edition',
    publishNotAllowed: 'Your role lets you change the settings but not publish the edition.',
    deleteHeading: 'Delete this edition',
    deleteHelp:
      'The edition disappears from the public site and from the dashboard. An administrator can restore it from the deleted editions on the dashboard.',
    deleteConfirm: 'Yes, delete this edition',
    delete: 'Delete the edition',
    history: 'Changes to these settings',
    publicPage: 'Public page'
  },

  days: {
    title: (edition: string) => `Days: ${edition}`,
    intro: 'The days of the edition, by date. Days that share a date can be put in order.',
    none: 'The edition has no days yet. Add the first one below.',
    heading: (title: string, date: string) => `${title}, ${date}`,
    save: 'Save the day',
    saveLabel: (title: string) => `Save ${title}`,
    moveUp: 'Up',
    moveDown: 'Down',
    moveUpLabel: (title: string) => `Move ${title} up`,
    moveDownLabel: (title: string) => `Move ${title} down`,
    delete: 'Delete',
    deleteLabel: (title: string) => `Delete ${title}`,
    sessions: (count: number) => (count === 1 ? '1 session' : `${count} sessions`),
    dateHint: (from: string, to: string) => `Between ${from} and ${to}, as YYYY-MM-DD.`,
    add: 'Add a day',
    addSubmit: 'Add the day',
    deleted: 'Deleted days',
    restore: 'Restore',
    restoreLabel: (title: string) => `Restore ${title}`,
    history: 'Changes to the days'
  },

  notices: {
    created: 'The edition has been created as a draft. Add its days next.',
    saved: 'The settings have been saved.',
    published: 'The edition is published and its public pages are online.',
    unpublished: 'The edition is a draft again; its public pages are offline.',
    deleted: 'The edition has been deleted. It can be restored from the deleted editions below.',
    restored: 'The edition has been restored.',
    dayAdded: 'The day has been added.',
    daySaved: 'The day has been saved.',
    dayDeleted: 'The day has been deleted. It can be restored from the deleted days below.',
    dayRestored: 'The day has been restored.',
    dayMoved: 'The order of the days has been changed.',
    dayUnchanged: 'That day is already first or last among the days of its date; nothing changed.'
  },

  invalid: {
    slug: 'Use 2 to 63 lowercase letters, digits and single dashes, starting with a letter or digit, e.g. seoul-2021.',
    text: (max: number) => `This text is too long or not text: use at most ${max} characters.`,
    zone: 'Enter a time zone such as Asia/Seoul.',
    locales: 'Choose at least one language and at most ten; other languages as tags such as ja or zh-Hant.',
    defaultLocale: 'Choose the main language from the list.',
    date: 'Enter a real date as YYYY-MM-DD, e.g. 2021-09-01.'
  },

  errors: {
    'edition.invalid_field': 'This value has the wrong form or is too long.',
    'edition.slug_taken': 'Another edition already uses this address (perhaps a deleted one). Choose another.',
    'edition.slug_reserved': 'Madang uses this address itself. Choose another.',
    'edition.slug_locked': 'The edition is published, so its address cannot change. Unpublish it first.',
    'edition.unknown_zone': 'This is not a time zone Madang knows. Enter one such as Asia/Seoul.',
    'edition.default_locale_not_offered': 'The main language must be one of the languages offered.',
    'edition.title_required': 'Enter a title in the main language.',
    'edition.ends_before_start': 'The last day cannot be before the first day.',
    'edition.days_outside_dates': 'Some days of the edition would fall outside these dates.',
    'edition.locale_has_translations': 'A language you removed still has texts.',
    'edition.delete_unconfirmed': 'Tick the box to confirm that you want to delete this edition.',
    'edition.not_found': 'That edition does not exist, or it has been deleted or restored meanwhile.',
    'day.invalid_field': 'This value has the wrong form or is too long.',
    'day.title_required': 'Enter a title in the edition’s main language.',
    'day.locale_not_offered': 'Write the title only in the languages of the edition.',
    'day.outside_edition': 'The date must lie within the edition’s dates.',
    'day.has_sessions': 'This day still has sessions.',
    'day.date_has_sessions': 'This day has sessions, so its date cannot change.',
    'day.not_found': 'That day does not exist in this edition, or it has been deleted meanwhile.',
    'edit.conflict':
      'Someone else changed this since you opened it; nothing was changed. The page now shows their version.',
    'edit.invalid_version': 'The form is missing its version; reload the page and try again.',
    'edit.invalid_move': 'Choose to move up or down.'
  },

  /** Refusals that name what is in the way. */
  detail: {
    daysOutside: (dates: string) =>
      `Days on ${dates} would fall outside these dates. Move or delete those days first, then change the dates.`,
    localesWithTexts: (list: string) =>
      `Texts are still written in ${list}. Clear those texts first (nothing is removed silently), or keep the language.`,
    localeCount: (language: string, count: number) => `${language} (${count === 1 ? '1 record' : `${count} records`})`,
    dayHasSessions: (count: number) =>
      `This day still has ${count === 1 ? '1 session' : `${count} sessions`}. Move them to another day or delete them first, then delete the day.`,
    dayDateHasSessions: (count: number) =>
      `This day has ${count === 1 ? '1 session' : `${count} sessions`} whose times lie on its date. Move or delete them first, or add a new day on the other date.`,
    dayOutsideEdition:
      'This day’s date lies outside the edition’s dates now. Widen the edition’s dates first, then restore the day.'
  }
};

export type ConsoleEditionMessages = typeof consoleEditionEn;
