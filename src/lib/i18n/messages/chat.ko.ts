/** 채팅 한국어 메시지: 공개 채팅 패널, 반응, 콘솔의 채팅 관리·금칙어 화면. */
import type { ChatMessages } from './chat.en.js';

export const chatKo: ChatMessages = {
  panel: {
    heading: '채팅',
    nameLabel: '이름',
    nameHint: '메시지와 함께 표시됩니다. 1–40자.',
    textLabel: '메시지',
    textHint: '500자까지 쓸 수 있습니다. 이 세션을 보는 모든 사람이 읽을 수 있습니다.',
    send: '보내기',
    sent: '메시지를 보냈습니다.',
    none: '아직 메시지가 없습니다.',
    listLabel: '채팅 메시지(오래된 순)',
    earlier: '이전 메시지',
    latest: '최신 메시지로 돌아가기',
    newMessages: (count) => `새 메시지 ${count}개`,
    slowMode: (seconds) => `슬로 모드가 켜져 있습니다: 한 사람당 ${seconds}초에 메시지 하나.`,
    postedAt: (time) => `${time}`
  },

  reactions: {
    heading: '반응하기',
    names: { clap: '박수', heart: '좋아요(하트)', laugh: '웃음', wow: '놀라움', thumbsUp: '최고', pray: '감사' },
    thanks: '반응해 주셔서 고맙습니다!'
  },

  errors: {
    'chat.name_required': '이름을 입력하세요(1–40자).',
    'chat.name_too_long': '이름은 40자까지 쓸 수 있습니다.',
    'chat.text_required': '메시지를 입력하세요.',
    'chat.text_too_long': '메시지는 500자까지 쓸 수 있습니다.',
    'chat.invalid_key': '양식이 오래되었습니다. 메시지를 다시 보내 주세요.',
    'chat.muted': '진행자가 회원님의 채팅을 제한했습니다.',
    'chat.invalid_reaction': '반응 중 하나를 고르세요.',
    'chat.invalid_slow_mode': '0(끄기)부터 3600까지 초 단위 정수를 입력하세요.',
    'chat.message_not_found': '이 세션에 그 메시지가 없습니다.',
    'chat.participant_not_found': '그 참가자는 이 행사에서 채팅 제한 중이 아닙니다.',
    'chat.word_filter_invalid': '단어 목록을 읽을 수 없습니다. 다시 시도해 주세요.',
    'chat.word_filter_conflict':
      '페이지를 연 뒤 다른 사람이 단어 목록을 저장했습니다. 아래에 그 목록이 있으니 변경 내용을 다시 적용하세요.',
    'chat.word_filter_version': '양식이 오래되었습니다. 페이지를 다시 여세요.'
  },
  slowModeWait: (seconds) => `슬로 모드: ${seconds}초 뒤에 다시 보낼 수 있습니다.`,
  wordTooLong: (line) => `${line}번째 줄이 60자를 넘습니다.`,
  tooManyWords: (count) => `목록에 항목이 ${count}개 있습니다. 최대 500개까지 넣을 수 있습니다.`,

  console: {
    moderationLink: '채팅 관리',
    title: (session) => `채팅 관리: ${session}`,
    intro:
      '이 세션 채팅의 메시지입니다. 최신 메시지가 맨 아래에 있습니다. 메시지를 삭제하면 모두에게서 사라지고, 작성자의 채팅을 제한하면 이 행사의 모든 세션에서 새 메시지를 보낼 수 없습니다.',
    publicPage: '세션 페이지',
    wordFilterLink: '이 행사의 금칙어',
    messagesHeading: '메시지',
    none: '이 세션에는 아직 메시지가 없습니다.',
    caption: (count) => `메시지 ${count}개(오래된 순)`,
    columnTime: '시각',
    columnAuthor: '작성자',
    columnMessage: '메시지',
    columnActions: '작업',
    participant: (tag) => `참가자 #${tag}`,
    signedIn: '로그인한 계정',
    deleted: '삭제됨',
    muted: '채팅 제한됨',
    delete: '삭제',
    mute: '작성자 채팅 제한',
    earlier: '이전 메시지',
    latest: '최신 메시지',
    mutedHeading: '채팅 제한된 참가자',
    noneMuted: '이 행사에서 채팅이 제한된 사람이 없습니다.',
    mutedSince: (time) => `${time}부터 제한`,
    unmute: '제한 해제',
    anonymous: '메시지 없음',
    slowModeHeading: '슬로 모드',
    slowModeState: (seconds) =>
      seconds === 0
        ? '슬로 모드가 꺼져 있습니다.'
        : `슬로 모드가 켜져 있습니다: 참가자마다 ${seconds}초에 메시지 하나.`,
    slowModeLabel: '참가자별 메시지 간격(초)',
    slowModeHint: '0이면 슬로 모드를 끕니다. 최대 3600.',
    slowModeSave: '슬로 모드 설정',
    historyHeading: '이 행사의 채팅 관리 기록',
    notices: {
      deleted: '메시지를 모두에게서 삭제했습니다.',
      muted: '작성자의 채팅을 이 행사 전체에서 제한했습니다.',
      unmuted: '참가자가 다시 메시지를 보낼 수 있습니다.',
      slowMode: '슬로 모드를 설정했습니다.',
      unchanged: '바꿀 것이 없었습니다.'
    },
    audit: {
      deletedMessage: (id) => `메시지 ${id} 삭제`,
      muted: (tag) => `참가자 #${tag} 채팅 제한`,
      unmuted: (tag) => `참가자 #${tag} 채팅 제한 해제`,
      slowMode: (session, from, to) => `${session} 슬로 모드: ${from} → ${to}초`,
      wordFilter: (added, removed) => `금칙어: ${added}개 추가, ${removed}개 삭제`
    }
  },

  wordFilter: {
    title: (edition) => `금칙어: ${edition}`,
    intro:
      '여기에 적은 단어와 구절은 새 채팅 메시지와 이름에서 가려집니다. 일치하는 부분은 같은 길이의 ＊로 바뀌고, 메시지는 그대로 전송됩니다. 대소문자와 전각 문자를 구분하지 않으며, 단어 전체가 일치할 때만 가립니다.',
    label: '가릴 단어와 구절(한 줄에 하나)',
    hint: '항목은 최대 500개, 각 60자까지입니다.',
    count: (count) => `목록에 항목 ${count}개.`,
    save: '단어 목록 저장',
    saved: '단어 목록을 저장했습니다. 지금부터 보내는 메시지에 적용됩니다.',
    unchanged: '단어 목록이 바뀌지 않았습니다.',
    historyHeading: '단어 목록 변경 기록'
  }
};
