/** English messages of polls: the console's poll page, the public poll panel and the results. */
export const pollsEn = {
  console: {
    link: 'Polls',
    moderateLink: 'Run the polls',
    title: (session: string) => `Polls: ${session}`,
    intro:
      'Ask the audience of this session a question. One poll is open at a time: opening a poll closes the one that is open.',
    none: 'No polls yet.',
    listHeading: 'Polls of this session',
    newHeading: 'New poll',
    editTitle: (question: string) => `Edit poll: ${question}`,
    editHeading: 'Question and options',
    create: 'Create the poll',
    save: 'Save the poll',
    edit: 'Edit',
    open: 'Open the poll',
    reopen: 'Reopen the poll',
    close: 'Close the poll',
    openHelp: 'Opening a poll closes the poll that is open now, if there is one.',
    deleteHeading: 'Delete this draft',
    deleteConfirm: 'Yes, delete this draft',
    delete: 'Delete the draft',
    backToSession: 'Back to the session',
    backToPolls: 'Back to the polls',
    notEditable: 'This poll has been opened, so its question and options stay as they were asked.',
    state: { draft: 'Draft', open: 'Open', closed: 'Closed' },
    kindLine: { single: 'One choice', multiple: 'Several choices' },
    upTo: (n: number) => `up to ${n}`,
    noResultsYet: 'Results appear once the poll is open.',
    history: 'Changes to the polls',
    notices: {
      created: 'The poll was created as a draft.',
      saved: 'The poll was saved.',
      opened: 'The poll is open. Participants can answer it now.',
      closed: 'The poll is closed. Everyone sees its results.',
      deleted: 'The draft was deleted.'
    }
  },
  form: {
    question: 'Question',
    option: (n: number) => `Option ${n}`,
    optionsHeading: 'Options',
    optionsHint: 'From 2 to 10 options, in the order participants see them. Leave the ones you do not need empty.',
    kind: 'How participants answer',
    kinds: { single: 'With one choice', multiple: 'With several choices' },
    maxChoices: 'Most choices per participant',
    maxChoicesHint: 'Only for several choices. Leave empty to allow every option.'
  },
  fields: {
    question: 'Question',
    options: 'Options',
    kind: 'How participants answer',
    maxChoices: 'Most choices',
    state: 'State'
  },
  audit: {
    recordType: 'poll',
    actions: { create: 'Created', update: 'Changed', delete: 'Deleted', opened: 'Opened', closed: 'Closed' },
    what: (action: string, question: string) => `${action}: poll “${question}”`
  },
  results: {
    chartLabel: (question: string) => `Results of “${question}” as bars`,
    caption: (question: string, ballots: string) => `Results of “${question}”: ${ballots}`,
    ballots: (n: number) => (n === 1 ? '1 participant answered' : `${n.toLocaleString('en')} participants answered`),
    votes: (n: number) => (n === 1 ? '1 vote' : `${n.toLocaleString('en')} votes`),
    percent: (n: number) => `${n} %`,
    columnOption: 'Option',
    columnVotes: 'Votes',
    columnShare: 'Share of participants',
    severalNote: 'Participants could choose several options, so the shares add up to more than 100 %.'
  },
  panel: {
    none: 'No poll is open right now.',
    chooseOne: 'Choose one answer.',
    chooseUpTo: (n: number) => `Choose up to ${n} answers.`,
    chooseAny: 'Choose one or more answers.',
    submit: 'Send my answer',
    change: 'Change my answer',
    thanks: 'Thank you: your answer was sent.',
    answered: 'Your answer is counted. You can change it while the poll is open.',
    closed: 'This poll is closed.',
    resultsAfterAnswer: 'Results are shown once you answer.',
    announceOpened: 'A poll is open.',
    announceClosed: 'The poll is closed; its results are shown.'
  },
  errors: {
    'poll.not_found': 'This poll does not exist (any more). Reload the page to see the current polls.',
    'poll.invalid_field': 'This field does not have the right form; check it and try again.',
    'poll.question_required': 'Enter the question in the edition’s main language.',
    'poll.option_required':
      'Enter this option in the edition’s main language too, or leave it empty in every language.',
    'poll.too_few_options': 'Give at least 2 options.',
    'poll.too_many_options': 'Give at most 10 options.',
    'poll.max_choices_invalid': 'Enter a number from 2 to the number of options, or leave it empty.',
    'poll.not_draft': 'Only a draft can be edited or deleted; this poll has been opened already. Nothing was changed.',
    'poll.invalid_transition':
      'The poll is not in a state that allows this (it may have been opened or closed meanwhile). Nothing was changed.',
    'poll.conflict':
      'Someone changed this poll after you opened the page, so nothing was changed. The page now shows the current poll; try again if you still want to.',
    'poll.invalid_version': 'This form is incomplete (its version is missing). Reload the page and try again.',
    'poll.delete_unconfirmed': 'Tick the box to confirm that the draft should be deleted.',
    'poll.closed': 'This poll is closed, so answers are no longer taken. Its results are shown.',
    'poll.no_choice': 'Choose an answer before sending.',
    'poll.unknown_option': 'That answer is not one of this poll’s options. Reload the page and choose again.',
    'poll.one_choice_only': 'Choose only one answer.',
    'poll.too_many_choices': 'You chose more answers than this poll allows.',
    'poll.invalid_answer': 'This answer could not be read. Reload the page and try again.'
  }
};

export type PollsMessages = typeof pollsEn;
