/** 한국어 인터페이스 문구. */
import type { Messages } from './en.js';

export const ko: Messages = {
  languageName: '한국어',
  siteName: '마당',
  skipToContent: '본문 바로가기',
  mainNavigation: '주 메뉴',
  navHome: '홈',
  navProgramme: '프로그램',
  navSpeakers: '연사',
  navCities: '참가 도시',
  navAccessibility: '접근성',
  languageSwitch: '언어',
  footerPoweredBy: '포용적인 온라인 포럼을 위한 오픈소스 소프트웨어 마당으로 운영됩니다.',
  illustrative: '예시 항목',
  illustrativeNote: '“예시”로 표시된 내용은 확인된 사실이 아니라 자리 표시용 예시입니다.',
  inOtherLanguage: '다른 언어로 표시됨',

  homeTheme: '주제',
  homeDates: (from, to) => `${from} ~ ${to}`,
  homeOnNow: '지금 진행 중',
  homeUpNext: '다음 순서',
  homeNothingNow: '지금은 생중계 중인 세션이 없습니다.',
  homeFinished: '이번 회차는 끝났습니다. 프로그램은 계속 이곳에서 볼 수 있습니다.',
  homeWatch: '시청 채널',
  homeSeeProgramme: '전체 프로그램 보기',
  homeExports: '내 캘린더나 앱에 프로그램 추가하기',
  homeEditions: '회차',
  noEditions: '아직 공개된 포럼이 없습니다.',

  programmeTitle: '프로그램',
  programmeZoneLegend: '시간 표시 기준',
  programmeZoneLabel: '내 시간대',
  programmeZoneSubmit: '시간 보기',
  programmeZoneHelp: '개최지 시간과 선택한 시간대의 시간을 함께 보여 드립니다.',
  programmeHostTime: (zone) => `개최지 시간 (${zone})`,
  programmeYourTime: (zone) => `내 시간 (${zone})`,
  programmeEmpty: '아직 프로그램이 공개되지 않았습니다.',
  programmeDayHeading: (title, date) => `${title}, ${date}`,
  programmeSession: '세션',
  programmeSpeakers: '연사',
  downloadIcs: '캘린더 (.ics)',
  downloadJson: '일정 JSON (frab)',
  downloadXml: '일정 XML (frab)',

  sessionKind: {
    seminar_part: '세미나',
    conference_session: '컨퍼런스 세션',
    keynote: '기조연설',
    talk_concert: '토크콘서트',
    break: '휴식'
  },
  sessionState: { scheduled: '예정', live: '생중계 중', ended: '종료' },
  sessionWhen: '일시',
  sessionItems: '진행 순서',
  sessionChannels: '시청 채널',
  sessionAddToCalendar: '캘린더에 추가 (.ics)',
  sessionBackToProgramme: '프로그램으로 돌아가기',
  sessionStage: '무대',

  speakersTitle: '연사',
  speakersEmpty: '아직 발표된 연사가 없습니다.',
  speakerJoins: { remote: '원격으로 참여', on_site: '스튜디오 현장 참여' },
  speakerLanguages: '사용 언어',
  speakerCity: '도시',
  speakerSessions: '출연 세션',
  speakerBio: '소개',

  citiesTitle: '참가 도시',
  citiesIntro: (count) => `이번 회차에는 ${count}개 도시가 참여합니다.`,
  cityCountry: '국가',
  cityZone: '시간대',
  cityLocalTime: '포럼 시작 시각의 현지 시간',
  unknown: '알 수 없음',

  channelKind: { site: '포럼 웹사이트', youtube: '유튜브', social: '소셜 방송', other: '기타 채널' },

  accessibilityTitle: '접근성 정책',
  accessibilityIntro: '마당은 나이, 장애, 언어, 기기, 네트워크 환경과 관계없이 누구나 포럼을 보고 참여할 수 있도록 만들어졌습니다.',
  accessibilityStandard: '기준',
  accessibilityStandardText:
    '이 페이지들은 웹 콘텐츠 접근성 지침(WCAG) 2.2 AA 수준을 충족하도록 만들어졌으며, 변경할 때마다 실제 브라우저에서 자동 검사(axe-core)를 거칩니다.',
  accessibilityWhat: '제공하는 것',
  accessibilityPoints: [
    '모든 페이지를 키보드만으로 이용할 수 있고, 초점 표시가 잘 보이며, 본문 바로가기 링크가 있습니다.',
    '모든 페이지는 자바스크립트 없이도, 오래된 휴대전화와 느린 네트워크에서도 작동합니다.',
    '시간은 개최지 시간대와 이용자의 시간대로 함께 표시됩니다.',
    '글자를 200%까지 키워도 내용이 사라지지 않으며, 시스템에서 동작 줄이기를 설정하면 움직임을 줄입니다.',
    '인터페이스는 한국어와 영어로 제공됩니다. 번역이 없는 내용은 다른 언어로 표시되며, 화면 낭독기가 올바르게 읽도록 언어가 표시됩니다.'
  ],
  accessibilityLimits: '알려진 한계',
  accessibilityLimitsText: '실시간 자막, 통역, 수어 영상은 라이브 무대에 추가될 예정이며 아직 이 페이지에서는 제공되지 않습니다.',
  accessibilityContact: '의견 보내기',
  accessibilityContactText: '이 사이트를 이용하는 데 어려움이 있다면 주최 측에 알려 주세요. 접근성 장벽은 결함으로 다룹니다.',

  notFoundTitle: '페이지를 찾을 수 없습니다',
  notFoundText: '요청하신 페이지를 찾지 못했습니다. 주소가 바뀌었거나 잘못 입력되었을 수 있습니다.',
  notFoundHome: '포럼 홈으로 가기',
  errorTitle: '문제가 생겼습니다',
  errorText: '페이지를 보여 드릴 수 없습니다. 잠시 후 다시 시도해 주세요.',

  dateWithWeekday: '날짜'
};
