/** English messages of the console's programme pages (sessions, programme items, preview, audit log). */
export const consoleProgrammeEn = {
  editionLink: (edition: string) => `Edit the programme of ${edition}`,
  breadcrumb: 'Breadcrumb',
  state: { draft: 'Draft', published: 'Published' },

  overview: {
    title: (edition: string) => `Programme: ${edition}`,
    intro: 'Every session of the edition, drafts included. Only published sessions appear on the public programme.',
    newSession: 'New session',
    dayHeading: (title: string, date: string) => `${title}, ${date}`,
    noSessions: 'No sessions on this day yet.',
    orderHelp:
      'Sessions are listed in their running order. The public programme lists them by start time; the running order decides between sessions that start at the same time.',
    columnTime: 'Time (host zone)',
    columnSession: 'Session',
    columnState: 'State',
    columnActions: 'Actions',
    edit: 'Edit',
    editLabel: (title: string) => `Edit ${title}`,
    preview: 'Preview',
    previewLabel: (title: string) => `Preview ${title}`,
    moveUp: 'Move up',
    moveDown: 'Move down',
    moveUpLabel: (title: string) => `Move ${title} up`,
    moveDownLabel: (title: string) => `Move ${title} down`,
    moveToDayLabel: 'Day',
    moveToDay: 'Move to day',
    outOfTimeOrder: 'Starts before the session above it.',
    deleted: 'Deleted sessions',
    noDeleted: 'No deleted sessions.',
    restore: 'Restore',
    restoreLabel: (title: string) => `Restore ${title}`,
    auditLog: 'Changes to this edition',
    publicProgramme: 'Public programme'
  },

  audit: {
    none: 'No changes recorded yet.',
    caption: (count: number) => `The latest ${count} changes, newest first`,
    columnWhen: 'When',
    columnWho: 'Who',
    columnWhat: 'What',
    columnFields: 'Changed fields',
    system: 'Madang itself',
    formerAccount: 'a removed account',
    unknownRecord: (id: string) => `a removed record (${id})`,
    actions: {
      create: 'Created',
      update: 'Changed',
      delete: 'Deleted',
      restore: 'Restored',
      publish: 'Published',
      unpublish: 'Unpublished',
      move: 'Moved to another day',
      reorder: 'Reordered',
      import: 'Imported'
    },
    recordTypes: {
      session: 'session',
      programme_item: 'programme item',
      day: 'day',
      speaker: 'speaker',
      edition: 'edition'
    },
    what: (action: string, recordType: string, title: string) => `${action} ${recordType} “${title}”`
  },

  fields: {
    title: 'Title',
    summary: 'Summary',
    dayId: 'Day',
    stageId: 'Stage',
    kind: 'Kind',
    startTime: 'Start',
    endTime: 'End',
    startsAt: 'Start',
    endsAt: 'End',
    zone: 'Time zone',
    state: 'State',
    channelIds: 'Channels',
    isIllustrative: 'Illustrative placeholder',
    position: 'Running order',
    speakerIds: 'Speakers',
    sessions: 'Sessions',
    items: 'Programme items',
    version: 'Version'
  },

  form: {
    newTitle: 'New session',
    editTitle: (title: string) => `Edit session: ${title}`,
    translations: 'Texts in each language',
    translationsHelp:
      'Write each text in every language of the edition. A missing translation falls back to the edition’s main language on the public pages.',
    missingHeading: 'Missing translations',
    missingItem: (field: string, languages: string) => `${field}: ${languages}`,
    noneMissing: 'Every text is translated.',
    inLanguage: (field: string, language: string) => `${field} (${language})`,
    required: '(required)',
    when: 'When',
    timesHelp: (zone: string) => `Times are entered in the host time zone, ${zone}.`,
    startTime: (zone: string) => `Start (${zone})`,
    endTime: (zone: string) => `End (${zone})`,
    timeHint: 'As HH:MM on the 24-hour clock, e.g. 16:00.',
    yourZone: (zone: string) => `In your time zone (${zone})`,
    hostZone: (zone: string) => `In the host time zone (${zone})`,
    noStage: 'No stage',
    channels: 'Where to watch',
    illustrative: 'This is an illustrative placeholder, not a documented fact',
    save: 'Save',
    create: 'Create the session',
    publish: 'Publish',
    unpublish: 'Unpublish',
    publishHelp: 'Publishing shows the session on the public programme. Save your changes first.',
    unpublishHelp: 'Unpublishing takes the session off the public programme; it stays here as a draft.',
    publishNotAllowed: 'Your role lets you edit the programme but not publish it.',
    deleteHeading: 'Delete this session',
    deleteHelp:
      'The session leaves the programme and goes to the deleted sessions of the edition, from where it can be restored.',
    deleteConfirm: 'Yes, delete this session',
    delete: 'Delete the session',
    previewLink: 'Preview as the public sees it',
    backToProgramme: 'Back to the programme',
    history: 'Changes to this session',
    stateLine: (state: string) => `State: ${state}`
  },

  conflict: {
    heading: 'Someone else saved first',
    text: 'Someone saved this record after you opened it, so nothing was overwritten. Their values are shown next to yours. Your values are still in the form: check them, then save again to replace theirs.',
    stateText:
      'Someone saved this session after you opened it, so nothing was changed. The page now shows their version; try again if you still want to.',
    columnField: 'Field',
    columnTheirs: 'Saved by someone else',
    columnYours: 'Yours (not saved)',
    empty: '(empty)',
    yes: 'Yes',
    no: 'No'
  },

  items: {
    heading: 'Programme items',
    intro: 'The running order of the session: talks, conversations and performances, each with its speakers.',
    none: 'This session has no programme items yet.',
    speakers: 'Speakers',
    noSpeakers: 'No speakers',
    sessionTimes: 'Session times',
    edit: 'Edit',
    editLabel: (title: string) => `Edit programme item ${title}`,
    remove: 'Remove',
    removeLabel: (title: string) => `Remove programme item ${title}`,
    moveUpLabel: (title: string) => `Move programme item ${title} up`,
    moveDownLabel: (title: string) => `Move programme item ${title} down`,
    removed: 'Removed programme items',
    restoreLabel: (title: string) => `Restore programme item ${title}`,
    add: 'Add programme item',
    addSubmit: 'Add the programme item',
    editTitle: (title: string) => `Edit programme item: ${title}`,
    save: 'Save the programme item',
    timesOptional: 'Own times (optional)',
    timesOptionalHelp: (zone: string) =>
      `Leave both empty and the item takes the session’s times. Otherwise both, within the session, in ${zone}.`,
    speakersHelp: 'Choose everyone who speaks in this item.',
    backToSession: 'Back to the session',
    history: 'Changes to this programme item'
  },

  preview: {
    title: (title: string) => `Preview: ${title}`,
    draftBanner: 'Preview — not public yet',
    draftBannerText: 'This session is a draft. Only people who edit the programme can see this page.',
    publishedBanner: 'Preview — this session is public',
    publishedBannerText: 'This is how the session appears on the public programme.',
    backToEditing: 'Back to editing',
    editionDraft: 'The edition itself is not published yet, so nothing of it is public.'
  },

  notices: {
    created: 'The session has been created as a draft.',
    saved: 'Your changes have been saved.',
    published: 'The session is published and on the public programme.',
    unpublished: 'The session is a draft again and no longer on the public programme.',
    deleted: 'The session has been deleted. It can be restored from the deleted sessions below.',
    restored: 'The session has been restored.',
    moved: 'The running order has been changed.',
    unchanged: 'That session is already at that end of its day; nothing changed.',
    movedDay: 'The session has moved to the other day, at the same times, at the end of that day’s running order.',
    unchangedDay: 'That session is on that day already; nothing changed.',
    itemAdded: 'The programme item has been added.',
    itemSaved: 'The programme item has been saved.',
    itemRemoved: 'The programme item has been removed. It can be restored from the removed items below.',
    itemRestored: 'The programme item has been restored.'
  },

  invalid: {
    time: 'Enter the time as HH:MM on the 24-hour clock, for example 16:00.',
    text: (max: number) => `This text is too long or not text: use at most ${max} characters.`,
    choice: 'Choose from the list.',
    flag: 'Tick the box or leave it empty.'
  },

  errors: {
    'session.invalid_field': 'This value has the wrong form or is too long.',
    'session.title_required': 'Enter a title in the edition’s main language.',
    'session.day_deleted': 'Its day is deleted. Restore the day first, then the session.',
    'session.unknown_day': 'Choose a day of this edition.',
    'session.unknown_stage': 'Choose a stage of this edition, or none.',
    'session.unknown_channel': 'Choose channels of this edition only.',
    'session.ends_before_start': 'The end must be after the start.',
    'session.not_found': 'That session does not exist in this edition, or it has been deleted meanwhile.',
    'programme_item.invalid_field': 'This value has the wrong form or is too long.',
    'programme_item.title_required': 'Enter a title in the edition’s main language.',
    'programme_item.unknown_speaker': 'Choose speakers of this edition only.',
    'programme_item.time_incomplete': 'Enter both the start and the end, or leave both empty.',
    'programme_item.ends_before_start': 'The end must be after the start.',
    'programme_item.outside_session': 'The item’s times must lie within the session’s.',
    'programme_item.not_found': 'That programme item does not exist in this session, or it has been removed meanwhile.',
    'edit.conflict': 'Someone else changed this since you opened it; nothing was changed.',
    'edit.delete_unconfirmed': 'Tick the box to confirm that you want to delete this session.',
    'edit.invalid_version': 'The form is missing its version; reload the page and try again.',
    'edit.invalid_move': 'Choose to move up or down.'
  }
};

export type ConsoleProgrammeMessages = typeof consoleProgrammeEn;
