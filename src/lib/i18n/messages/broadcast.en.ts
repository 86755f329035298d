/** English messages of broadcasting: the console's stage page (go live, stop, stream key) and the public live/replay links. */
export const broadcastEn = {
  console: {
    link: 'Broadcast',
    linkForStage: (stage: string) => `Broadcast: ${stage}`,
    title: (stage: string) => `Broadcast: ${stage}`,
    intro:
      'Point your encoder (OBS, ffmpeg) at the server below with this stage’s stream key, then put the session that is on stage live. Viewers see it on the session page and on the programme.',
    outsideChannels: 'Outside channels',
    encoderHeading: 'Encoder settings',
    serverLabel: 'Server',
    keyLabel: 'Stream key',
    showKey: 'Show stream key',
    keyHelp: 'Anyone with this key can broadcast on this stage. Keep it secret, and rotate it if it may have leaked.',
    rtmpOff: 'RTMP ingest is turned off on this server (RTMP_PORT is 0).',
    rotateHeading: 'Rotate the stream key',
    rotateHelp:
      'A new key replaces this one at once: an encoder streaming with the old key is disconnected and refused when it tries again. A producer’s browser studio is not affected.',
    rotateConfirm: 'Yes, replace the stream key',
    rotate: 'Rotate key',
    sourceHeading: 'Source',
    sourceConnected: (via: string, since: string) => `Connected through ${via} since ${since}.`,
    sourceNone: 'No source is connected.',
    sourceUnknown:
      'The broadcast pipeline is not running on this server, so whether a source is connected is not known.',
    via: { rtmp: 'RTMP', browser: 'the browser studio' },
    encoderPath: { copy: 'Encoding: copy (H.264 passed through, audio to AAC)', transcode: 'Encoding: transcode' },
    cpu: (percent: number) => `CPU: ${percent}%`,
    sessionsHeading: 'Sessions on this stage',
    noSessions: 'No session is on this stage yet.',
    draft: 'Draft',
    state: { scheduled: 'Scheduled', live: 'Live', ended: 'Ended' },
    stateLabel: 'Broadcast state',
    wentLive: (time: string) => `On air since ${time}`,
    endedAt: (time: string) => `Ended at ${time}`,
    replay: 'Replay',
    goLive: 'Go live',
    stop: 'Stop',
    stopConfirm: (session: string) => `Yes, stop “${session}”`,
    notices: {
      live: 'The session is live.',
      resumed: 'The session is live again.',
      ended: 'The session has ended.',
      endedWithReplay: 'The session has ended; its replay is on the session page.',
      rotated: 'The stream key was replaced. Put the new key into your encoder.'
    },
    outputFailed:
      'The session is marked live, but the stage output did not start, so nothing is recorded yet. Check the server log.',
    recordingFailed:
      'The session has ended, but its recording could not be closed, so it has no replay. Check the server log.'
  },
  errors: {
    'broadcast.not_published': 'Only a published session can go live. Publish it first.',
    'broadcast.no_stage': 'This session has no stage, so it cannot go live. Choose its stage first.',
    'broadcast.stage_busy': (session: string) => `Another session is live on this stage: “${session}”. Stop it first.`,
    'broadcast.already_live': 'This session is already live.',
    'broadcast.already_ended':
      'This session has ended and its replay is published; it can go live again only within 10 minutes of stopping.',
    'broadcast.not_live': 'This session is not live, so there is nothing to stop.',
    'broadcast.confirm_needed': 'Tick the box to confirm.',
    'broadcast.session_unknown': 'That session is not on this stage; reload the page.'
  },
  public: {
    liveNow: 'Live now',
    replay: 'Replay'
  }
};

export type BroadcastMessages = typeof broadcastEn;
