/** 세션 페이지 플레이어의 한국어 문구: 생방송과 다시 보기, 조작 버튼, 자바스크립트 없이도 쓰는 링크. */
import type { playerEn } from './player.en.js';

export const playerKo: typeof playerEn = {
  videoLabel: (title: string) => `영상: ${title}`,
  scheduled: '세션이 시작되면 방송이 나옵니다.',
  liveElsewhere: '이 세션은 아래 채널에서 생방송 중입니다.',
  replayPending: '세션이 끝났습니다. 다시 보기가 준비되면 여기에 나옵니다.',
  openStream: '방송 스트림 열기',
  openStreamHint: '스트림(HLS) 링크입니다. VLC 같은 미디어 플레이어에서 열 수 있습니다.',
  watchReplay: '다시 보기',
  channelsLabel: '보는 방법',
  alsoOn: (name: string) => `${name}에서도 보기`,
  controlsLabel: '플레이어 조작',
  play: '재생',
  pause: '일시 정지',
  mute: '음소거',
  unmute: '음소거 해제',
  volume: '음량',
  position: '재생 위치',
  audioOnly: '소리만 듣기',
  audioOnlyNote: '소리만 듣는 중: 데이터를 아끼려고 화면을 껐습니다.',
  quality: '화질',
  qualityAuto: '자동',
  behindLive: '실시간보다 {seconds}초 늦음',
  jumpToLive: '실시간으로 이동',
  fullscreen: '전체 화면',
  exitFullscreen: '전체 화면 끝내기',
  chapters: '챕터',
  stateAnnounce: {
    live: '방송이 시작되었습니다.',
    ended: '방송이 끝났습니다.',
    replay: '방송이 끝났습니다. 다시 보기를 볼 수 있습니다.'
  },
  announce: {
    playing: '재생 중',
    paused: '일시 정지됨',
    audioOnly: '소리만 듣기',
    video: '화면을 다시 켰습니다',
    backToLive: '실시간으로 돌아왔습니다',
    reconnecting: '다시 연결하는 중…',
    reconnected: '다시 연결되었습니다',
    unavailable: '이 브라우저에서는 여기서 방송을 재생할 수 없습니다. 아래 링크를 이용하세요.'
  }
};
