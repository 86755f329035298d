/** 콘솔의 도시·채널 화면 한국어 메시지. */
import type { ConsolePlacesMessages } from './consolePlaces.en.js';

export const consolePlacesKo: ConsolePlacesMessages = {
  links: { cities: '도시', channels: '채널' },
  recordTypes: { city: '도시', channel: '채널' },
  channelKind: { site: '포럼 자체 웹사이트', youtube: '유튜브', social: '소셜 미디어', other: '기타' },

  fields: {
    name: '이름',
    summary: '소개',
    country: '국가',
    zone: '시간대',
    isIllustrative: '예시 항목',
    kind: '종류',
    url: '주소(URL)',
    order: '순서'
  },

  cities: {
    title: (edition: string) => `도시: ${edition}`,
    intro: '이 회차에 참가하는 도시입니다. 공개 도시 페이지에 이 순서대로 나옵니다.',
    add: '새 도시',
    none: '아직 도시가 없습니다.',
    deleted: '삭제한 도시',
    noDeleted: '삭제한 도시가 없습니다.',
    newTitle: '새 도시',
    editTitle: (name: string) => `도시 편집: ${name}`,
    create: '도시 만들기',
    save: '도시 저장',
    countryHint: 'ISO 3166-1 두 글자 코드입니다. 예: 대한민국은 KR, 핀란드는 FI. 모르면 비워 두세요.',
    zoneHint: 'IANA 시간대입니다. 예: Asia/Seoul, Europe/Helsinki. 모르면 비워 두세요.',
    deleteHeading: '이 도시 삭제',
    deleteHelp:
      '도시가 공개 도시 페이지에서 빠집니다. 이 도시의 연사는 그대로 남지만, 삭제한 도시에서 복원할 때까지 도시가 표시되지 않습니다.',
    deleteConfirm: '네, 이 도시를 삭제합니다',
    delete: '도시 삭제',
    history: '이 도시의 변경 기록',
    unknown: '알 수 없음',
    publicPage: '공개 도시 페이지'
  },

  channels: {
    title: (edition: string) => `채널: ${edition}`,
    intro: '이 회차를 중계하는 곳입니다. 세션 페이지에 이 순서대로 나옵니다.',
    add: '새 채널',
    none: '아직 채널이 없습니다.',
    deleted: '삭제한 채널',
    noDeleted: '삭제한 채널이 없습니다.',
    newTitle: '새 채널',
    editTitle: (name: string) => `채널 편집: ${name}`,
    create: '채널 만들기',
    save: '채널 저장',
    urlHint: 'https:// 또는 http://로 시작하는 전체 주소입니다.',
    deleteHeading: '이 채널 삭제',
    deleteHelp:
      '채널이 모든 세션 페이지와 내보내기에서 사라집니다. 세션과의 연결은 남아 있으므로, 삭제한 채널에서 복원하면 다시 나타납니다.',
    deleteConfirm: '네, 이 채널을 삭제합니다',
    delete: '채널 삭제',
    history: '이 채널의 변경 기록'
  },

  list: {
    edit: '편집',
    moveUp: '위로',
    moveDown: '아래로',
    restore: '복원'
  },

  notices: {
    created: '만들었습니다.',
    saved: '변경 내용을 저장했습니다.',
    deleted: '삭제했습니다. 아래 삭제 목록에서 복원할 수 있습니다.',
    restored: '복원했습니다.',
    moved: '순서를 바꾸었습니다.',
    unchanged: '이미 목록의 그 끝에 있어 바뀐 것이 없습니다.'
  },

  invalid: {
    text: (max: number) => `글이 너무 길거나 글이 아닙니다. ${max}자 이내로 쓰세요.`,
    short: (max: number) => `너무 길거나 글이 아닙니다. ${max}자 이내로 쓰세요.`,
    choice: '목록에서 고르세요.',
    flag: '상자에 표시하거나 비워 두세요.'
  },

  errors: {
    'city.invalid_field': '값의 형식이 맞지 않거나 너무 깁니다.',
    'city.name_required': '회차의 기본 언어로 이름을 입력하세요.',
    'city.unknown_country': '국가는 ISO 3166-1 두 글자 코드(예: KR)로 입력하거나 비워 두세요.',
    'city.unknown_zone': 'Asia/Seoul 같은 IANA 시간대를 입력하거나 비워 두세요.',
    'city.not_found': '이 회차에 그런 도시가 없거나, 그사이에 삭제되었습니다.',
    'channel.invalid_field': '값의 형식이 맞지 않거나 너무 깁니다.',
    'channel.name_required': '회차의 기본 언어로 이름을 입력하세요.',
    'channel.url_required': '채널 주소를 입력하세요.',
    'channel.url_not_absolute': 'https://로 시작하는 전체 주소를 입력하세요(경로나 도메인만으로는 안 됩니다).',
    'channel.url_scheme':
      'https:// 또는 http://로 시작하는 웹 주소만 쓸 수 있습니다(javascript:, data: 등은 안 됩니다).',
    'channel.url_invalid':
      '쓸 수 있는 웹 주소가 아닙니다. 공백, 빠진 호스트, 주소 안의 아이디와 비밀번호가 없는지 확인하세요.',
    'channel.not_found': '이 회차에 그런 채널이 없거나, 그사이에 삭제되었습니다.',
    'edit.conflict': '페이지를 연 뒤에 다른 사람이 이것을 바꾸었습니다. 아무것도 바뀌지 않았습니다.',
    'edit.delete_unconfirmed': '삭제하려면 확인 상자에 표시하세요.',
    'edit.invalid_version': '양식에 버전이 없습니다. 페이지를 새로 고친 뒤 다시 해 보세요.',
    'edit.invalid_move': '위로 또는 아래로 중 하나를 고르세요.',
    'edit.stale_state':
      '페이지를 연 뒤에 다른 사람이 이것을 바꾸어 아무것도 바뀌지 않았습니다. 이제 그 사람의 내용이 보입니다. 여전히 원하면 다시 해 보세요.'
  }
};
