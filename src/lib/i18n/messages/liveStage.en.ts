/** English messages of the live stage on the session page (issue 4, foundation). */
export const liveStageEn = {
  title: 'Live stage',
  playerTitle: 'Broadcast',
  playerPlaceholder: 'The video player appears here when the broadcast starts.',
  viewersLabel: 'Watching now',
  viewers: (count: number) => (count === 1 ? '1 person watching' : `${count} people watching`),
  viewersUnknown: 'Viewer count not available',
  panelsNavigation: 'Panels of the live stage',
  moderate: 'Moderate this session',
  questionsTitle: 'Questions',
  questionsPlaceholder: 'Questions open when the session starts.',
  pollTitle: 'Poll',
  pollPlaceholder: 'A poll appears here when the moderators open one.',
  chatTitle: 'Chat',
  chatPlaceholder: 'The chat opens when the session starts.',
  tooFast: (seconds: number) =>
    `You are sending too fast; try again in ${seconds === 1 ? '1 second' : `${seconds} seconds`}.`,
  sendFailed: 'That did not go through. Check your connection and try again.'
};
