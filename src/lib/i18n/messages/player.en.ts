/** English messages of the session page's player: live and replay, its controls, and the links that work without JavaScript. */
export const playerEn = {
  videoLabel: (title: string) => `Video: ${title}`,
  scheduled: 'The stream starts when the session goes live.',
  liveElsewhere: 'This session is live on the channels below.',
  replayPending: 'The session has ended. Its replay appears here when it is ready.',
  openStream: 'Open the stream',
  openStreamHint: 'A link to the stream itself (HLS): media players such as VLC open it.',
  watchReplay: 'Watch the replay',
  channelsLabel: 'Ways to watch',
  alsoOn: (name: string) => `Also on ${name}`,
  controlsLabel: 'Player controls',
  play: 'Play',
  pause: 'Pause',
  mute: 'Mute',
  unmute: 'Unmute',
  volume: 'Volume',
  position: 'Position',
  audioOnly: 'Audio only',
  audioOnlyNote: 'Audio only: the picture is off to save data.',
  quality: 'Quality',
  qualityAuto: 'Automatic',
  behindLive: 'Behind live: {seconds} s',
  jumpToLive: 'Jump to live',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  chapters: 'Chapters',
  stateAnnounce: {
    live: 'The broadcast has started.',
    ended: 'The broadcast has ended.',
    replay: 'The broadcast has ended; its replay is ready.'
  },
  announce: {
    playing: 'Playing',
    paused: 'Paused',
    audioOnly: 'Audio only',
    video: 'Picture back on',
    backToLive: 'Back to live',
    reconnecting: 'Reconnecting…',
    reconnected: 'Connected again',
    unavailable: 'This browser cannot play the stream here; use the links below.'
  }
};
