/** English messages of the console's speaker pages (list, form, photo, deleting, history). */
export const consoleSpeakersEn = {
  overviewLink: 'Speakers',
  list: {
    title: (edition: string) => `Speakers: ${edition}`,
    heading: 'Speakers',
    intro:
      'Everyone who speaks at the edition. Speakers appear on the public pages through the programme items they are on.',
    newSpeaker: 'New speaker',
    none: 'This edition has no speakers yet.',
    caption: 'Speakers of the edition, by name',
    columnPhoto: 'Photo',
    columnName: 'Name',
    columnCity: 'City',
    columnItems: 'Programme items',
    noCity: '—',
    edit: 'Edit',
    deleted: 'Deleted speakers',
    noDeleted: 'No deleted speakers.',
    deletedHelp: 'Restoring a speaker puts them back on the programme items they were on.',
    restore: 'Restore'
  },
  form: {
    newTitle: 'New speaker',
    editTitle: (name: string) => `Edit speaker: ${name}`,
    create: 'Create the speaker',
    save: 'Save',
    about: 'About the speaker',
    noCity: 'No city',
    cityHelp: 'The participating city the speaker takes part from, if any.',
    languagesHint: 'Language tags (BCP 47) separated by commas, for example: ko, en, nl. Leave empty when not known.',
    presence: 'How the speaker takes part',
    presences: { on_site: 'On site, in the studio', remote: 'Remotely, by video' },
    illustrative: 'This speaker is an illustrative placeholder, not a documented person',
    publicLink: 'See the public speaker page',
    history: 'Changes to this speaker',
    itemsLine: (count: number) => (count === 1 ? 'On 1 programme item.' : `On ${count} programme items.`)
  },
  fields: {
    name: 'Name',
    jobTitle: 'Job title',
    organisation: 'Organisation',
    bio: 'Biography',
    cityId: 'City',
    languages: 'Languages spoken',
    presence: 'Taking part',
    photoUrl: 'Photo',
    isIllustrative: 'Illustrative placeholder'
  },
  photo: {
    heading: 'Photo',
    none: 'No photo yet.',
    current: 'The current photo, as the public pages show it:',
    label: 'Photo file',
    hint: (megabytes: number) =>
      `A JPEG, PNG, WebP, AVIF or GIF image of at most ${megabytes} MB. It is turned upright, reduced to 800 × 800 pixels at most and stored as WebP without its metadata (camera, place).`,
    upload: 'Upload the photo',
    replace: 'Replace the photo',
    remove: 'Remove the photo',
    removeHelp: 'The public pages then show no photo for this speaker.',
    tooLarge: (megabytes: number) => `The file is larger than ${megabytes} MB. Please choose a smaller image.`
  },
  remove: {
    heading: 'Delete this speaker',
    help: 'The speaker disappears from the public pages and from the programme items they are on, and goes to the deleted speakers of the edition, from where they can be restored with their programme items.',
    confirm: 'Yes, delete this speaker',
    submit: 'Delete the speaker',
    unconfirmed: 'Tick the box to confirm that you want to delete this speaker.'
  },
  notices: {
    created: 'The speaker has been created.',
    saved: 'Your changes have been saved.',
    photoSaved: 'The photo has been saved.',
    photoRemoved: 'The photo has been removed.',
    deleted: 'The speaker has been deleted. They can be restored from the deleted speakers below.',
    restored: 'The speaker has been restored.'
  },
  invalid: {
    text: (max: number) => `This text is too long or not text: use at most ${max} characters.`,
    choice: 'Choose from the list.',
    flag: 'Tick the box or leave it empty.',
    languages: (max: number) => `List at most ${max} language tags.`
  },
  errors: {
    'speaker.invalid_field': 'This value has the wrong form or is too long.',
    'speaker.name_required': 'Enter the name in the edition’s main language.',
    'speaker.unknown_city': 'Choose a city of this edition, or none.',
    'speaker.invalid_language': 'Enter language tags such as ko, en or pt-BR, separated by commas.',
    'speaker.not_found': 'That speaker does not exist in this edition, or has been deleted meanwhile.',
    'speaker.photo_missing': 'Choose a photo file to upload.',
    'speaker.conflict':
      'Someone else changed this speaker since you opened the page; nothing was changed. Try again on the page as it is now.',
    'photo.empty': 'The photo file is empty. Please choose the image again.',
    'photo.not_an_image': 'This file is not an image we can read. Please upload a JPEG, PNG, WebP, AVIF or GIF photo.',
    'photo.unsupported_type':
      'This kind of image cannot be used as a photo (SVG, TIFF, HEIC and others). Please upload a JPEG, PNG, WebP, AVIF or GIF photo.',
    'photo.too_many_pixels': 'The photo has too many pixels to process. Please upload a smaller image.'
  }
};

export type ConsoleSpeakersMessages = typeof consoleSpeakersEn;
