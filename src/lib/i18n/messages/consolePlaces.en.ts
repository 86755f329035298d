/** English messages of the console's city and channel pages. */
export const consolePlacesEn = {
  links: { cities: 'Cities', channels: 'Channels' },
  recordTypes: { city: 'city', channel: 'channel' },
  channelKind: { site: 'The forum’s own site', youtube: 'YouTube', social: 'Social media', other: 'Other' },

  fields: {
    name: 'Name',
    summary: 'Summary',
    country: 'Country',
    zone: 'Time zone',
    isIllustrative: 'Illustrative placeholder',
    kind: 'Kind',
    url: 'Address (URL)',
    order: 'Order'
  },

  cities: {
    title: (edition: string) => `Cities: ${edition}`,
    intro: 'The participating cities of the edition, in the order the public cities page lists them.',
    add: 'New city',
    none: 'No cities yet.',
    deleted: 'Deleted cities',
    noDeleted: 'No deleted cities.',
    newTitle: 'New city',
    editTitle: (name: string) => `Edit city: ${name}`,
    create: 'Create the city',
    save: 'Save the city',
    countryHint: 'Two letters, ISO 3166-1, e.g. KR for South Korea or FI for Finland. Leave empty when not known.',
    zoneHint: 'An IANA time zone, e.g. Asia/Seoul or Europe/Helsinki. Leave empty when not known.',
    deleteHeading: 'Delete this city',
    deleteHelp:
      'The city leaves the public cities page. Its speakers stay, but show no city until it is restored from the deleted cities.',
    deleteConfirm: 'Yes, delete this city',
    delete: 'Delete the city',
    history: 'Changes to this city',
    unknown: 'Not known',
    publicPage: 'Public cities page'
  },

  channels: {
    title: (edition: string) => `Channels: ${edition}`,
    intro: 'Where the edition is broadcast, in the order session pages list them.',
    add: 'New channel',
    none: 'No channels yet.',
    deleted: 'Deleted channels',
    noDeleted: 'No deleted channels.',
    newTitle: 'New channel',
    editTitle: (name: string) => `Edit channel: ${name}`,
    create: 'Create the channel',
    save: 'Save the channel',
    urlHint: 'The full address, starting with https:// or http://.',
    deleteHeading: 'Delete this channel',
    deleteHelp:
      'The channel disappears from every session page and export. Sessions keep their link to it, so it comes back to them when it is restored from the deleted channels.',
    deleteConfirm: 'Yes, delete this channel',
    delete: 'Delete the channel',
    history: 'Changes to this channel'
  },

  list: {
    edit: 'Edit',
    moveUp: 'Move up',
    moveDown: 'Move down',
    restore: 'Restore'
  },

  notices: {
    created: 'It has been created.',
    saved: 'Your changes have been saved.',
    deleted: 'It has been deleted. It can be restored from the list of deleted ones below.',
    restored: 'It has been restored.',
    moved: 'The order has been changed.',
    unchanged: 'That one is already at that end of the list; nothing changed.'
  },

  invalid: {
    text: (max: number) => `This text is too long or not text: use at most ${max} characters.`,
    short: (max: number) => `This is too long or not text: use at most ${max} characters.`,
    choice: 'Choose from the list.',
    flag: 'Tick the box or leave it empty.'
  },

  errors: {
    'city.invalid_field': 'This value has the wrong form or is too long.',
    'city.name_required': 'Enter a name in the edition’s main language.',
    'city.unknown_country': 'Enter a country as its two-letter ISO 3166-1 code, e.g. KR, or leave it empty.',
    'city.unknown_zone': 'Enter an IANA time zone such as Asia/Seoul, or leave it empty.',
    'city.not_found': 'That city does not exist in this edition, or it has been deleted meanwhile.',
    'channel.invalid_field': 'This value has the wrong form or is too long.',
    'channel.name_required': 'Enter a name in the edition’s main language.',
    'channel.url_required': 'Enter the channel’s address.',
    'channel.url_not_absolute': 'Enter the full address, starting with https:// (not a path or a bare domain).',
    'channel.url_scheme':
      'Only web addresses starting with https:// or http:// are allowed (not javascript:, data: or others).',
    'channel.url_invalid':
      'This is not a web address that works: check for spaces, a missing host, or a name and password in it.',
    'channel.not_found': 'That channel does not exist in this edition, or it has been deleted meanwhile.',
    'edit.conflict': 'Someone else changed this since you opened it; nothing was changed.',
    'edit.delete_unconfirmed': 'Tick the box to confirm the deletion.',
    'edit.invalid_version': 'The form is missing its version; reload the page and try again.',
    'edit.invalid_move': 'Choose to move up or down.',
    'edit.stale_state':
      'Someone changed this after you opened it, so nothing was changed. The page now shows their version; try again if you still want to.'
  }
};

export type ConsolePlacesMessages = typeof consolePlacesEn;
