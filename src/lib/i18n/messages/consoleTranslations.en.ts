/** The console's overview of an edition's missing translations, in English. */
export const consoleTranslationsEn = {
  title: (edition: string) => `Missing translations: ${edition}`,
  link: 'Missing translations',
  intro:
    'Every text of the edition that is written in some of its languages but not in all of them. Texts nobody has written yet (an empty summary) are not listed. Follow a link to translate the record.',
  summaryHeading: 'Per language',
  summaryItem: (language: string, fields: number) =>
    fields === 1 ? `${language}: 1 field to translate` : `${language}: ${fields} fields to translate`,
  filterLabel: 'Show texts missing in',
  filterAll: 'Any language',
  filterSubmit: 'Show',
  none: 'Every written text is in every language of the edition.',
  noneIn: (language: string) => `Nothing is missing in ${language}.`,
  caption: (count: number) =>
    count === 1 ? '1 record with missing translations' : `${count} records with missing translations`,
  columnRecord: 'Record',
  columnField: 'Field',
  columnMissing: 'Missing in',
  recordTypes: {
    edition: 'Edition',
    day: 'Day',
    session: 'Session',
    programme_item: 'Programme item',
    speaker: 'Speaker',
    city: 'City',
    channel: 'Channel',
    stage: 'Stage'
  },
  fields: {
    title: 'Title',
    theme: 'Theme',
    summary: 'Summary',
    name: 'Name',
    jobTitle: 'Job title',
    organisation: 'Organisation',
    bio: 'Biography'
  }
};
