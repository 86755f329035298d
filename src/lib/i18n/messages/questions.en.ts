/** English messages of the Q&A: the public questions panel and the console's moderation page. */
export const questionsEn = {
  panel: {
    title: 'Questions',
    askHeading: 'Ask a question',
    textLabel: 'Your question',
    textHint: (max: number) => `Up to ${max} characters.`,
    nameLabel: 'Your name (optional)',
    nameHint: (max: number) => `Leave it empty to ask anonymously. Up to ${max} characters.`,
    submit: 'Send the question',
    premoderated: 'A moderator reads each question before it is shown here.',
    sortLabel: 'Order',
    sortSubmit: 'Show',
    sort: { votes: 'Most votes first', time: 'Newest first' },
    listLabel: (count: number) => (count === 1 ? '1 question' : `${count} questions`),
    showingTop: (shown: number, total: number) => `Showing the first ${shown} of ${total} questions.`,
    none: 'No questions yet. Ask the first one.',
    anonymous: 'Anonymous',
    position: (index: number, count: number) => `Question ${index} of ${count}`,
    votes: (count: number) => (count === 1 ? '1 vote' : `${count} votes`),
    upvote: 'Upvote',
    upvoteLabel: (text: string) => `Upvote: ${text}`,
    pinned: 'Pinned',
    answered: 'Answered',
    yours: 'Your question',
    waiting: 'Your question is waiting for a moderator.',
    yourPending: 'Your questions waiting for a moderator',
    announce: (count: number) => (count === 1 ? '1 question' : `${count} questions`),
    notices: {
      asked: 'Your question was sent.',
      askedPending: 'Your question was sent. A moderator reads it before it is shown.',
      voted: 'Your vote was counted.',
      withdrawn: 'Your vote was withdrawn.'
    }
  },

  errors: {
    'question.invalid_field': 'This form was not complete. Reload the page and try again.',
    'question.text_required': 'Write your question first.',
    'question.text_too_long': 'Your question is longer than 500 characters. Shorten it and send it again.',
    'question.name_too_long':
      'Your name is longer than 60 characters. Shorten it, or leave it empty to ask anonymously.',
    'question.not_found': 'This question is not in this session any more. Reload the page.',
    'question.not_votable': 'This question cannot be voted on now: a moderator has not shown it or has hidden it.',
    'question.conflict':
      'Another moderator changed this question while you were looking at it. Check it as it is now and try again.',
    'question.not_allowed_now':
      'That does not apply to this question as it is now. Reload the page to see its current state.',
    'question.merge_into_itself': 'Choose another question to keep: a question cannot be merged into itself.',
    'question.merge_target_unavailable': 'The question to keep must be shown or waiting; choose another one.',
    'question.settings_conflict':
      'Another moderator changed pre-moderation meanwhile. Check the setting as it is now and try again.'
  },

  console: {
    liveParticipation: 'Live participation',
    link: 'Questions (moderation)',
    title: (session: string) => `Questions: ${session}`,
    intro:
      'Questions from participants of this session. Approve, hide, merge duplicates, pin the one being answered and mark answered ones.',
    publicPage: 'Open the public session page',
    premoderationHeading: 'Pre-moderation',
    premoderationOn: 'Pre-moderation is on: new questions wait here until a moderator approves them.',
    premoderationOff: 'Pre-moderation is off: new questions are shown at once.',
    turnOn: 'Turn pre-moderation on',
    turnOff: 'Turn pre-moderation off',
    sortLabel: 'Order',
    sort: { votes: 'By votes', time: 'By time' },
    sections: {
      pending: 'Waiting for a moderator',
      visible: 'Shown',
      hidden: 'Hidden',
      merged: 'Merged duplicates'
    },
    none: 'None.',
    anonymous: 'Anonymous',
    askedAt: (when: string) => `asked ${when}`,
    votes: (count: number) => (count === 1 ? '1 vote' : `${count} votes`),
    pinned: 'Pinned',
    answered: 'Answered',
    mergedInto: (text: string) => `Merged into: ${text}`,
    actions: {
      approve: 'Approve',
      hide: 'Hide',
      unhide: 'Show again',
      pin: 'Pin',
      unpin: 'Unpin',
      answer: 'Mark answered',
      unanswer: 'Mark not answered'
    },
    actionLabel: (action: string, text: string) => `${action}: ${text}`,
    mergeLabel: 'Duplicate of',
    mergeChoose: 'Choose the question to keep',
    merge: 'Merge',
    notices: {
      approve: 'The question was approved and is shown.',
      hide: 'The question was hidden.',
      unhide: 'The question is shown again.',
      pin: 'The question was pinned; it is shown first.',
      unpin: 'The question was unpinned.',
      answer: 'The question was marked answered.',
      unanswer: 'The question was marked not answered.',
      merge: 'The duplicate was merged; its votes count for the question kept.',
      premoderationOn: 'Pre-moderation is on.',
      premoderationOff: 'Pre-moderation is off.'
    },
    history: 'Moderation history',
    historyQuestion: (text: string) => `Question “${text}”`,
    historySettings: 'Pre-moderation',
    historyRemoved: 'a question no longer listed',
    historyFormerAccount: 'a removed account',
    changes: {
      status: (state: string) => `now ${state}`,
      pinned: 'pinned',
      unpinned: 'unpinned',
      answered: 'marked answered',
      unanswered: 'marked not answered',
      premoderationOn: 'turned on',
      premoderationOff: 'turned off'
    },
    nowState: (state: string) => `It is now: ${state}.`,
    status: { pending: 'waiting', visible: 'shown', hidden: 'hidden', merged: 'merged' }
  }
};

export type QuestionsMessages = typeof questionsEn;
