/** 콘솔의 회차 화면(새 회차 만들기, 회차 설정, 날짜, 삭제된 회차)의 한국어 문구. */
import type { ConsoleEditionMessages } from './consoleEdition.en.js';

export const consoleEditionKo: ConsoleEditionMessages = {
  dashboard: {
    newEdition: '새 회차',
    deletedHeading: '삭제된 회차',
    deletedIntro: '삭제된 회차는 공개 사이트와 대시보드에 나오지 않습니다. 복원하면 삭제 전 그대로 돌아옵니다.',
    restore: '복원',
    restoreLabel: (title) => `${title} 복원`,
    settings: (title) => `${title} 설정`,
    days: (title) => `${title} 날짜`
  },

  overview: {
    settings: '회차 설정',
    days: '날짜'
  },

  fields: {
    slug: '주소(슬러그)',
    title: '제목',
    theme: '주제',
    summary: '요약',
    hostZone: '개최지 시간대',
    locales: '제공 언어',
    extraLocales: '그 밖의 언어',
    defaultLocale: '기본 언어',
    startsOn: '첫날',
    endsOn: '마지막 날',
    state: '상태',
    date: '날짜',
    days: '날짜 순서'
  },

  form: {
    newTitle: '새 회차',
    newIntro:
      '새 회차는 초안으로 시작합니다. 공개하기 전까지는 콘솔 밖의 누구도 볼 수 없습니다. 회차를 만든 뒤 날짜를 추가할 수 있습니다.',
    settingsTitle: (title) => `설정: ${title}`,
    identity: '주소와 기간',
    slugHint: '영문 소문자, 숫자, 하이픈만 씁니다(예: seoul-2021). 공개 페이지 주소는 /슬러그 입니다.',
    slugLockedHint:
      '공개된 회차이므로 주소를 바꿀 수 없습니다. 이미 이 주소로 연결된 링크가 있기 때문입니다. 주소를 바꾸려면 먼저 공개를 취소하세요.',
    slugDraftHint: '초안인 동안에는 주소를 바꿀 수 있습니다. 공개한 뒤에는 고정됩니다.',
    zoneHint: 'IANA 시간대를 입력하세요(예: Asia/Seoul, Europe/Helsinki). 프로그램 시각은 이 시간대로 입력합니다.',
    dateHint: 'YYYY-MM-DD 형식으로 입력하세요(예: 2021-09-01).',
    languages: '언어',
    localesHint: '회차의 글을 쓰는 언어입니다. 어떤 언어로 쓴 글이 남아 있으면 그 언어는 뺄 수 없습니다.',
    extraLocalesHint: '다른 언어를 BCP 47 태그로 띄어 써서 입력하세요(예: ja zh-Hant). 선택 사항입니다.',
    defaultLocaleHint: '독자의 언어로 된 글이 없을 때 이 언어로 보여 줍니다. 제공 언어 중 하나여야 합니다.',
    texts: '언어별 글',
    textsHint: '제목은 기본 언어로 반드시 입력해야 합니다.',
    textsNewHint: 'Madang 화면이 지원하는 언어의 입력란입니다. 다른 언어의 글은 회차를 만든 뒤에 쓸 수 있습니다.',
    create: '회차 만들기',
    save: '설정 저장',
    publishHeading: '공개',
    published: '공개된 회차입니다. 공개 페이지가 열려 있습니다.',
    draft: '초안인 회차입니다. 공개 페이지는 “찾을 수 없음”으로 응답합니다.',
    publish: '회차 공개',
    unpublish: '회차 공개 취소',
    publishNotAllowed: '내 역할로는 설정을 바꿀 수 있지만 회차를 공개할 수는 없습니다.',
    deleteHeading: '이 회차 삭제',
    deleteHelp: '회차가 공개 사이트와 대시보드에서 사라집니다. 관리자는 대시보드의 삭제된 회차에서 복원할 수 있습니다.',
    deleteConfirm: '네, 이 회차를 삭제합니다',
    delete: '회차 삭제',
    history: '설정 변경 기록',
    publicPage: '공개 페이지'
  },

  days: {
    title: (edition) => `날짜: ${edition}`,
    intro: '회차의 날짜를 날짜순으로 보여 줍니다. 같은 날짜의 날들은 순서를 바꿀 수 있습니다.',
    none: '아직 날짜가 없습니다. 아래에서 첫날을 추가하세요.',
    heading: (title, date) => `${title}, ${date}`,
    save: '날짜 저장',
    saveLabel: (title) => `${title} 저장`,
    moveUp: '위로',
    moveDown: '아래로',
    moveUpLabel: (title) => `${title}을(를) 위로 옮기기`,
    moveDownLabel: (title) => `${title}을(를) 아래로 옮기기`,
    delete: '삭제',
    deleteLabel: (title) => `${title} 삭제`,
    sessions: (count) => `세션 ${count}개`,
    dateHint: (from, to) => `${from}부터 ${to} 사이의 날짜를 YYYY-MM-DD 형식으로 입력하세요.`,
    add: '날짜 추가',
    addSubmit: '날짜 추가하기',
    deleted: '삭제된 날짜',
    restore: '복원',
    restoreLabel: (title) => `${title} 복원`,
    history: '날짜 변경 기록'
  },

  notices: {
    created: '회차를 초안으로 만들었습니다. 이제 날짜를 추가하세요.',
    saved: '설정을 저장했습니다.',
    published: '회차를 공개했습니다. 공개 페이지가 열렸습니다.',
    unpublished: '회차가 다시 초안이 되었습니다. 공개 페이지가 닫혔습니다.',
    deleted: '회차를 삭제했습니다. 아래의 삭제된 회차에서 복원할 수 있습니다.',
    restored: '회차를 복원했습니다.',
    dayAdded: '날짜를 추가했습니다.',
    daySaved: '날짜를 저장했습니다.',
    dayDeleted: '날짜를 삭제했습니다. 아래의 삭제된 날짜에서 복원할 수 있습니다.',
    dayRestored: '날짜를 복원했습니다.',
    dayMoved: '날짜 순서를 바꿨습니다.',
    dayUnchanged: '그 날은 이미 같은 날짜 중 처음이나 끝에 있어 바뀐 것이 없습니다.'
  },

  invalid: {
    slug: '영문 소문자, 숫자, 하이픈으로 2~63자를 쓰고 하이픈을 연달아 쓰지 마세요(예: seoul-2021).',
    text: (max) => `글이 너무 길거나 글이 아닙니다. ${max}자 이내로 쓰세요.`,
    zone: 'Asia/Seoul 같은 시간대를 입력하세요.',
    locales: '언어를 하나 이상 열 개 이하로 고르세요. 다른 언어는 ja, zh-Hant 같은 태그로 쓰세요.',
    defaultLocale: '목록에서 기본 언어를 고르세요.',
    date: '실제 날짜를 YYYY-MM-DD 형식으로 입력하세요(예: 2021-09-01).'
  },

  errors: {
    'edition.invalid_field': '값의 형식이 맞지 않거나 너무 깁니다.',
    'edition.slug_taken':
      '다른 회차가 이미 이 주소를 쓰고 있습니다(삭제된 회차일 수도 있습니다). 다른 주소를 고르세요.',
    'edition.slug_reserved': 'Madang이 직접 쓰는 주소입니다. 다른 주소를 고르세요.',
    'edition.slug_locked': '공개된 회차이므로 주소를 바꿀 수 없습니다. 먼저 공개를 취소하세요.',
    'edition.unknown_zone': 'Madang이 모르는 시간대입니다. Asia/Seoul 같은 시간대를 입력하세요.',
    'edition.default_locale_not_offered': '기본 언어는 제공 언어 중 하나여야 합니다.',
    'edition.title_required': '기본 언어로 제목을 입력하세요.',
    'edition.ends_before_start': '마지막 날이 첫날보다 앞설 수 없습니다.',
    'edition.days_outside_dates': '이 기간 밖으로 벗어나는 날짜가 있습니다.',
    'edition.locale_has_translations': '뺀 언어로 쓴 글이 아직 남아 있습니다.',
    'edition.delete_unconfirmed': '이 회차를 삭제하려면 확인란을 선택하세요.',
    'edition.not_found': '그런 회차가 없거나, 그 사이에 삭제 또는 복원되었습니다.',
    'day.invalid_field': '값의 형식이 맞지 않거나 너무 깁니다.',
    'day.title_required': '회차의 기본 언어로 제목을 입력하세요.',
    'day.locale_not_offered': '제목은 회차의 제공 언어로만 쓰세요.',
    'day.outside_edition': '날짜는 회차 기간 안에 있어야 합니다.',
    'day.has_sessions': '이 날에 아직 세션이 있습니다.',
    'day.date_has_sessions': '이 날에 세션이 있어 날짜를 바꿀 수 없습니다.',
    'day.not_found': '이 회차에 그런 날이 없거나, 그 사이에 삭제되었습니다.',
    'edit.conflict':
      '페이지를 연 뒤 다른 사람이 바꿨기 때문에 아무것도 바꾸지 않았습니다. 지금 페이지에는 그 사람의 내용이 보입니다.',
    'edit.invalid_version': '양식에 버전 정보가 없습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
    'edit.invalid_move': '위로 또는 아래로 옮기기를 고르세요.'
  },

  detail: {
    daysOutside: (dates) =>
      `${dates}의 날이 이 기간 밖으로 벗어납니다. 먼저 그 날들을 옮기거나 삭제한 뒤 기간을 바꾸세요.`,
    localesWithTexts: (list) =>
      `${list}(으)로 쓴 글이 아직 있습니다. 먼저 그 글을 지우거나(아무것도 몰래 지우지 않습니다) 그 언어를 그대로 두세요.`,
    localeCount: (language, count) => `${language}(기록 ${count}개)`,
    dayHasSessions: (count) =>
      `이 날에 아직 세션이 ${count}개 있습니다. 먼저 세션을 다른 날로 옮기거나 삭제한 뒤 날짜를 삭제하세요.`,
    dayDateHasSessions: (count) =>
      `이 날에 이 날짜로 시각이 정해진 세션이 ${count}개 있습니다. 먼저 세션을 옮기거나 삭제하거나, 다른 날짜로 새 날을 추가하세요.`,
    dayOutsideEdition: '이 날의 날짜가 지금 회차 기간 밖에 있습니다. 먼저 회차 기간을 넓힌 뒤 복원하세요.'
  }
};
