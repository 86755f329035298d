/** English messages of chat: the public chat panel, reactions, and the console's chat moderation and word filter pages. */
export const chatEn = {
  panel: {
    heading: 'Chat',
    nameLabel: 'Your name',
    nameHint: 'Shown with your messages, 1–40 characters.',
    textLabel: 'Message',
    textHint: 'Up to 500 characters. Everyone watching this session can read it.',
    send: 'Send',
    sent: 'Your message was sent.',
    none: 'No messages yet.',
    listLabel: 'Chat messages, oldest first',
    earlier: 'Earlier messages',
    latest: 'Back to the latest messages',
    newMessages: (count: number) => (count === 1 ? '1 new message' : `${count} new messages`),
    slowMode: (seconds: number) => `Slow mode is on: one message every ${seconds} seconds per person.`,
    postedAt: (time: string) => `at ${time}`
  },

  reactions: {
    heading: 'React',
    names: {
      clap: 'Applause',
      heart: 'Love',
      laugh: 'Laughter',
      wow: 'Surprise',
      thumbsUp: 'Thumbs up',
      pray: 'Thanks'
    },
    thanks: 'Thanks for your reaction!'
  },

  errors: {
    'chat.name_required': 'Enter your name (1–40 characters).',
    'chat.name_too_long': 'Your name can have at most 40 characters.',
    'chat.text_required': 'Write a message.',
    'chat.text_too_long': 'A message can have at most 500 characters.',
    'chat.invalid_key': 'This form was out of date. Please send your message again.',
    'chat.muted': 'You have been muted by a moderator.',
    'chat.invalid_reaction': 'Choose one of the reactions.',
    'chat.invalid_slow_mode': 'Enter a whole number of seconds from 0 (off) to 3600.',
    'chat.message_not_found': 'That message is not in this session.',
    'chat.participant_not_found': 'That participant is not muted on this edition.',
    'chat.word_filter_invalid': 'The word list could not be read. Please try again.',
    'chat.word_filter_conflict':
      'Someone else saved the word list since you opened it. Their list is shown below; make your changes again.',
    'chat.word_filter_version': 'This form was out of date. Please open the page again.'
  },
  slowModeWait: (seconds: number) =>
    seconds === 1
      ? 'Slow mode: you can send again in 1 second.'
      : `Slow mode: you can send again in ${seconds} seconds.`,
  wordTooLong: (line: number) => `Line ${line} is longer than 60 characters.`,
  tooManyWords: (count: number) => `The list has ${count} entries; it can have at most 500.`,

  console: {
    moderationLink: 'Chat moderation',
    title: (session: string) => `Chat moderation: ${session}`,
    intro:
      'Messages in this session’s chat, newest at the bottom. Deleting a message removes it for everyone; muting its author refuses their new messages in every session of this edition.',
    publicPage: 'Session page',
    wordFilterLink: 'Word filter of this edition',
    messagesHeading: 'Messages',
    none: 'No messages in this session yet.',
    caption: (count: number) => `${count} messages, oldest first`,
    columnTime: 'Time',
    columnAuthor: 'Author',
    columnMessage: 'Message',
    columnActions: 'Actions',
    participant: (tag: string) => `participant #${tag}`,
    signedIn: 'signed-in account',
    deleted: 'Deleted',
    muted: 'Muted',
    delete: 'Delete',
    mute: 'Mute author',
    earlier: 'Earlier messages',
    latest: 'Latest messages',
    mutedHeading: 'Muted participants',
    noneMuted: 'Nobody is muted on this edition.',
    mutedSince: (time: string) => `muted ${time}`,
    unmute: 'Unmute',
    anonymous: 'no messages',
    slowModeHeading: 'Slow mode',
    slowModeState: (seconds: number) =>
      seconds === 0 ? 'Slow mode is off.' : `Slow mode is on: one message every ${seconds} seconds per participant.`,
    slowModeLabel: 'Seconds between messages per participant',
    slowModeHint: '0 turns slow mode off; at most 3600.',
    slowModeSave: 'Set slow mode',
    historyHeading: 'Chat moderation log of this edition',
    notices: {
      deleted: 'The message was deleted for everyone.',
      muted: 'The author was muted on this edition.',
      unmuted: 'The participant can send messages again.',
      slowMode: 'Slow mode was set.',
      unchanged: 'Nothing needed to change.'
    },
    audit: {
      deletedMessage: (id: string) => `Deleted message ${id}`,
      muted: (tag: string) => `Muted participant #${tag}`,
      unmuted: (tag: string) => `Unmuted participant #${tag}`,
      slowMode: (session: string, from: number, to: number) => `Slow mode in ${session}: ${from} → ${to} seconds`,
      wordFilter: (added: number, removed: number) => `Word filter: ${added} added, ${removed} removed`
    }
  },

  wordFilter: {
    title: (edition: string) => `Word filter: ${edition}`,
    intro:
      'Words and phrases listed here are hidden in new chat messages and names: each match is replaced by ＊ of the same length, and the message is still sent. Matching ignores upper and lower case and full-width forms, and only matches whole words.',
    label: 'Filtered words and phrases, one per line',
    hint: 'At most 500 entries of at most 60 characters each.',
    count: (count: number) => (count === 1 ? '1 entry in the list.' : `${count} entries in the list.`),
    save: 'Save the word list',
    saved: 'The word list was saved. It applies to messages sent from now on.',
    unchanged: 'The word list is unchanged.',
    historyHeading: 'Changes to the word list'
  }
};

export type ChatMessages = typeof chatEn;
