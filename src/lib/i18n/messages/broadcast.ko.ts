/** 방송 한국어 메시지: 콘솔의 무대 방송 화면(방송 시작·종료, 스트림 키)과 공개 페이지의 생중계·다시보기 링크. */
import type { BroadcastMessages } from './broadcast.en.js';

export const broadcastKo: BroadcastMessages = {
  console: {
    link: '방송',
    linkForStage: (stage) => `방송: ${stage}`,
    title: (stage) => `방송: ${stage}`,
    intro:
      '인코더(OBS, ffmpeg)를 아래 서버와 이 무대의 스트림 키로 설정한 다음, 무대에 오른 세션의 방송을 시작하세요. 시청자는 세션 페이지와 프로그램에서 볼 수 있습니다.',
    outsideChannels: '외부 채널',
    encoderHeading: '인코더 설정',
    serverLabel: '서버',
    keyLabel: '스트림 키',
    showKey: '스트림 키 보기',
    keyHelp:
      '이 키를 가진 사람은 누구나 이 무대로 방송할 수 있습니다. 비밀로 지키고, 유출되었을 수 있으면 키를 교체하세요.',
    rtmpOff: '이 서버에서는 RTMP 수신이 꺼져 있습니다(RTMP_PORT가 0).',
    rotateHeading: '스트림 키 교체',
    rotateHelp:
      '새 키가 즉시 지금 키를 대신합니다. 예전 키로 송출 중인 인코더는 연결이 끊기고, 다시 연결하려 하면 거부됩니다. 제작자의 브라우저 스튜디오는 영향을 받지 않습니다.',
    rotateConfirm: '네, 스트림 키를 교체합니다',
    rotate: '키 교체',
    sourceHeading: '소스',
    sourceConnected: (via, since) => `${since}부터 ${via}(으)로 연결되어 있습니다.`,
    sourceNone: '연결된 소스가 없습니다.',
    sourceUnknown: '이 서버에서 방송 파이프라인이 실행 중이 아니어서 소스 연결 여부를 알 수 없습니다.',
    via: { rtmp: 'RTMP', browser: '브라우저 스튜디오' },
    encoderPath: { copy: '인코딩: 복사(H.264 그대로, 오디오는 AAC로)', transcode: '인코딩: 트랜스코딩' },
    cpu: (percent) => `CPU: ${percent}%`,
    sessionsHeading: '이 무대의 세션',
    noSessions: '아직 이 무대에 세션이 없습니다.',
    draft: '초안',
    state: { scheduled: '예정', live: '방송 중', ended: '종료' },
    stateLabel: '방송 상태',
    wentLive: (time) => `${time}부터 방송 중`,
    endedAt: (time) => `${time}에 종료`,
    replay: '다시보기',
    goLive: '방송 시작',
    stop: '방송 종료',
    stopConfirm: (session) => `네, “${session}” 방송을 종료합니다`,
    notices: {
      live: '세션이 방송 중입니다.',
      resumed: '세션이 다시 방송 중입니다.',
      ended: '세션 방송이 끝났습니다.',
      endedWithReplay: '세션 방송이 끝났습니다. 다시보기는 세션 페이지에 있습니다.',
      rotated: '스트림 키를 교체했습니다. 새 키를 인코더에 넣으세요.'
    },
    outputFailed:
      '세션은 방송 중으로 표시되지만 무대 출력이 시작되지 않아 아직 녹화되지 않습니다. 서버 로그를 확인하세요.',
    recordingFailed: '세션 방송은 끝났지만 녹화를 마무리하지 못해 다시보기가 없습니다. 서버 로그를 확인하세요.'
  },
  errors: {
    'broadcast.not_published': '게시된 세션만 방송할 수 있습니다. 먼저 게시하세요.',
    'broadcast.no_stage': '이 세션에는 무대가 없어 방송할 수 없습니다. 먼저 무대를 정하세요.',
    'broadcast.stage_busy': (session) =>
      `이 무대에서 다른 세션이 방송 중입니다: “${session}”. 먼저 그 방송을 종료하세요.`,
    'broadcast.already_live': '이 세션은 이미 방송 중입니다.',
    'broadcast.already_ended':
      '이 세션은 끝났고 다시보기가 공개되었습니다. 종료 후 10분 안에만 다시 방송할 수 있습니다.',
    'broadcast.not_live': '이 세션은 방송 중이 아니어서 종료할 것이 없습니다.',
    'broadcast.confirm_needed': '확인란을 선택하세요.',
    'broadcast.session_unknown': '그 세션은 이 무대에 없습니다. 페이지를 새로 고치세요.'
  },
  public: {
    liveNow: '생중계 중',
    replay: '다시보기'
  }
};
