/** English messages of a stage's outside destinations (simulcast) in the console. */
export const destinationsEn = {
  title: (stage: string) => `Outside destinations: ${stage}`,
  link: (stage: string) => `Outside destinations: ${stage}`,
  overviewHeading: 'Simulcast',
  intro:
    'While this stage is live, its program is also sent to every enabled destination here (YouTube, Facebook, another RTMP server). A destination that fails is retried on its own and never disturbs the others or the stream on this site.',
  none: 'No outside destinations yet.',
  listHeading: 'Destinations',
  server: 'Server',
  streamKey: 'Stream key',
  enabledLabel: 'Enabled',
  yes: 'Yes',
  no: 'No',
  status: 'Status',
  states: { idle: 'Idle', connecting: 'Connecting', live: 'Live', failing: 'Failing', retrying: 'Retrying' },
  idleHint: 'Nothing is sent while the stage is not live or the destination is disabled.',
  reasons: {
    connection_refused: 'the destination refused the connection',
    dns: "the destination's host name was not found",
    auth_rejected: 'the destination rejected the stream key',
    timeout: 'the destination did not answer in time',
    broken_pipe: 'the connection to the destination broke',
    too_slow: 'the destination is too slow to keep up',
    unknown: 'the relay stopped unexpectedly'
  },
  reason: (reason: string) => `Last problem: ${reason}.`,
  retryIn: (seconds: number) => `Next attempt in ${seconds} s.`,
  addHeading: 'Add a destination',
  editHeading: (name: string) => `Edit ${name}`,
  nameLabel: 'Name',
  nameHint: 'For you and the other producers, 1–80 characters.',
  urlLabel: 'Server URL',
  urlHint: 'The rtmp:// or rtmps:// address the platform shows beside the stream key, without the key.',
  keyLabel: 'Stream key',
  keyHint: 'Stored encrypted and never shown again in full.',
  keyEditHint: 'Leave blank to keep the stored key. Stored encrypted and never shown again in full.',
  enabledCheck: 'Send the program to this destination while the stage is live',
  add: 'Add destination',
  save: 'Save changes',
  enable: 'Enable',
  disable: 'Disable',
  removeHeading: (name: string) => `Remove ${name}`,
  removeConfirm: 'Yes, remove this destination',
  remove: 'Remove',
  removeConfirmRequired: 'Tick the box to confirm that you want to remove this destination.',
  notices: {
    added: 'The destination was added.',
    saved: 'The destination was saved.',
    enabled: 'The destination was enabled.',
    disabled: 'The destination was disabled.',
    removed: 'The destination was removed.'
  },
  errors: {
    'destination.name_required': 'Give the destination a name.',
    'destination.name_too_long': 'Keep the name to 80 characters or fewer.',
    'destination.url_required': 'Enter the server URL.',
    'destination.url_too_long': 'Keep the server URL to 500 characters or fewer.',
    'destination.url_scheme': 'Enter a server URL that starts with rtmp:// or rtmps://.',
    'destination.url_invalid':
      'Enter the server URL as the platform shows it, for example rtmp://a.rtmp.youtube.com/live2.',
    'destination.url_credentials':
      'Remove the user name or password from the URL; put the secret in the stream key field.',
    'destination.key_required': 'Enter the stream key.',
    'destination.key_too_long': 'Keep the stream key to 300 characters or fewer.',
    'destination.key_invalid': 'Enter the stream key without spaces, as the platform shows it.',
    'destination.key_unreadable': 'The stored stream key can no longer be read. Enter the key again.',
    'destination.form_invalid': 'The form was incomplete. Reload the page and try again.',
    'destination.conflict':
      'Someone else changed this destination in the meantime. Its current values are shown; make your change again.',
    'destination.not_found': 'This destination no longer exists. It may have been removed.'
  }
};

export type DestinationsMessages = typeof destinationsEn;
