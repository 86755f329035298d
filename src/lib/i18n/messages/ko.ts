/** 한국어 인터페이스 문구. */
import { consoleOidcKo } from './consoleOidc.ko.js';
import { consoleImportKo } from './consoleImport.ko.js';
import { consoleEditionKo } from './consoleEdition.ko.js';
import { consoleProgrammeKo } from './consoleProgramme.ko.js';
import { consoleTranslationsKo } from './consoleTranslations.ko.js';
import { consoleSpeakersKo } from './consoleSpeakers.ko.js';
import { consolePlacesKo } from './consolePlaces.ko.js';
import { liveStageKo } from './liveStage.ko.js';
import { questionsKo } from './questions.ko.js';
import { pollsKo } from './polls.ko.js';
import { chatKo } from './chat.ko.js';
import { destinationsKo } from './destinations.ko.js';
import { broadcastKo } from './broadcast.ko.js';
import { playerKo } from './player.ko.js';
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
  accessibilityIntro:
    '마당은 나이, 장애, 언어, 기기, 네트워크 환경과 관계없이 누구나 포럼을 보고 참여할 수 있도록 만들어졌습니다.',
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
  accessibilityLimitsText:
    '실시간 자막, 통역, 수어 영상은 라이브 무대에 추가될 예정이며 아직 이 페이지에서는 제공되지 않습니다.',
  accessibilityContact: '의견 보내기',
  accessibilityContactText:
    '이 사이트를 이용하는 데 어려움이 있다면 주최 측에 알려 주세요. 접근성 장벽은 결함으로 다룹니다.',

  notFoundTitle: '페이지를 찾을 수 없습니다',
  notFoundText: '요청하신 페이지를 찾지 못했습니다. 주소가 바뀌었거나 잘못 입력되었을 수 있습니다.',
  notFoundHome: '포럼 홈으로 가기',
  errorTitle: '문제가 생겼습니다',
  errorText: '페이지를 보여 드릴 수 없습니다. 잠시 후 다시 시도해 주세요.',

  console: {
    title: '운영자 콘솔',
    navLabel: '콘솔',
    navDashboard: '대시보드',
    navPeople: '사람',
    navAccount: '내 계정',
    signOut: '로그아웃',
    signedInAs: (name) => `${name}(으)로 로그인함`,
    errorSummary: '확인이 필요한 항목이 있습니다',
    errorTitlePrefix: '오류: ',
    optional: '(선택)',
    fields: {
      email: '이메일 주소',
      password: '비밀번호',
      displayName: '이름',
      currentPassword: '현재 비밀번호',
      newPassword: '새 비밀번호',
      role: '역할',
      edition: '회차',
      mailLocale: '이메일 언어'
    },
    hints: {
      newPassword: '12자 이상. 서로 관계없는 낱말 몇 개를 이으면 기억하기 쉬우면서도 강한 비밀번호가 됩니다.',
      displayName: '다른 운영자에게 보이는 이름입니다.'
    },
    notices: {
      signedOut: '로그아웃했습니다.',
      signedOutEverywhere: '모든 기기에서 로그아웃했습니다.',
      passwordReset: '비밀번호를 바꾸고 모든 기기에서 로그아웃했습니다. 새 비밀번호로 로그인하세요.',
      passwordChanged: '비밀번호를 바꿨습니다. 다른 기기에서는 로그아웃되었습니다.',
      identityUnlinked: '계정에서 서비스 연결을 끊었습니다.',
      invited: '초대장을 보냈습니다.',
      revoked: '역할을 회수했습니다.',
      invitationAccepted: '초대를 수락했습니다.'
    },
    signIn: {
      title: '로그인',
      intro: '계정의 이메일 주소로 운영자 콘솔에 로그인하세요.',
      submit: '로그인',
      forgot: '비밀번호를 잊으셨나요?'
    },
    signOutPage: {
      title: '로그아웃',
      intro: '이 기기에서 운영자 콘솔에서 로그아웃합니다.'
    },
    setup: {
      title: '첫 관리자 만들기',
      intro: '이 일회용 링크로 이 마당의 관리자 계정을 만듭니다. 관리자는 다른 모든 사람을 초대할 수 있습니다.',
      submit: '관리자 계정 만들기'
    },
    invitation: {
      title: '초대',
      summary: (role, edition) => `${edition}의 ${role}(으)로 초대받으셨습니다.`,
      forEmail: (email) => `이 초대는 ${email} 주소로 보낸 것입니다.`,
      validUntil: (when) => `${when}까지 한 번 사용할 수 있습니다.`,
      createIntro: '계정을 만들어 초대를 수락하세요.',
      createSubmit: '계정 만들고 수락하기',
      acceptSubmit: '초대 수락하기',
      signInFirst: '이 주소로 된 계정이 이미 있습니다. 그 계정으로 로그인한 뒤 초대를 수락하세요.',
      signInLink: '로그인하고 수락하기',
      wrongAccount: (email) =>
        `다른 계정으로 로그인되어 있습니다. 로그아웃한 뒤 이 링크를 다시 열어 ${email} 주소의 초대를 수락하세요.`
    },
    passwordReset: {
      title: '비밀번호 재설정',
      intro: '계정의 이메일 주소를 입력하면 새 비밀번호를 정할 수 있는 링크를 보내 드립니다.',
      submit: '링크 보내기',
      sent: '그 주소로 된 계정이 있다면 새 비밀번호를 정할 링크를 보냈습니다. 링크는 1시간 동안 한 번 쓸 수 있습니다.',
      newTitle: '새 비밀번호 정하기',
      newIntro: '새 비밀번호를 정하면 모든 기기에서 로그아웃됩니다.',
      newSubmit: '새 비밀번호 저장',
      backToSignIn: '로그인으로 돌아가기'
    },
    dashboard: {
      title: '대시보드',
      welcome: (name) => `${name}님, 반갑습니다`,
      editions: '내 회차',
      none: '아직 맡은 회차가 없습니다. 관리자가 회차에 초대할 수 있습니다.',
      instanceAdmin: '이 마당의 관리자이므로 모든 회차에서 일할 수 있습니다.',
      roles: '내 역할',
      publicPage: (edition) => `${edition} 공개 페이지`,
      state: { draft: '초안', published: '공개됨' }
    },
    account: {
      title: '내 계정',
      details: '계정 정보',
      changePassword: '비밀번호 바꾸기',
      changeSubmit: '비밀번호 바꾸기',
      everywhere: '모든 기기에서 로그아웃',
      everywhereHelp: '이 기기를 포함해 로그인한 모든 기기의 세션을 끝냅니다.',
      everywhereSubmit: '모든 기기에서 로그아웃하기',
      instanceAdmin: '이 마당의 관리자',
      identities: '다른 서비스로 로그인',
      identitiesHelp: '비밀번호뿐 아니라 이 서비스들로도 로그인할 수 있습니다. 연결을 끊어도 비밀번호는 그대로입니다.',
      noIdentities: '계정에 연결된 다른 서비스가 없습니다.',
      identityLinked: (date: string) => `${date} 연결`,
      identityLastUsed: (date: string) => `${date} 마지막 사용`,
      unlink: '연결 끊기',
      unlinkLabel: (service: string) => `${service} 연결 끊기`,
      unlinkGone: '그 연결은 이미 없습니다. 아무것도 바뀌지 않았습니다.'
    },
    people: {
      title: '사람',
      invite: '초대하기',
      inviteHelp: '받는 사람에게 7일 동안 한 번 쓸 수 있는 링크가 담긴 이메일이 갑니다.',
      inviteSubmit: '초대장 보내기',
      accounts: '계정',
      columnPerson: '사람',
      columnRoles: '역할',
      instanceAdmin: '이 마당의 관리자',
      noRoles: '역할 없음',
      roleOn: (role, edition) => `${edition}, ${role}`,
      revoke: '회수',
      revokeLabel: (role, edition, name) => `${name}의 ${edition} ${role} 역할 회수`,
      pending: '수락을 기다리는 초대',
      noPending: '수락을 기다리는 초대가 없습니다.',
      expires: (when) => `${when}까지`,
      noEditions: '아직 사람을 초대할 회차가 없습니다.'
    },
    roles: {
      admin: '관리자',
      producer: '프로듀서',
      moderator: '진행 보조(모더레이터)',
      captioner: '자막 담당',
      interpreter: '통역사',
      speaker: '연사'
    },
    roleHelp: {
      admin: '회차의 모든 일, 사람 초대 포함',
      producer: '프로그램, 스튜디오와 중계',
      moderator: '청중의 질문과 투표',
      captioner: '실시간 자막',
      interpreter: '실시간 통역',
      speaker: '무대에 올라 발표'
    },
    errorHeadings: {
      link: '이 링크는 쓸 수 없습니다',
      forbidden: '허용되지 않습니다',
      csrf: '양식을 받아들이지 않았습니다',
      other: '문제가 생겼습니다'
    },
    errorPageConsole: '콘솔로 가기',
    errorPageSignIn: '로그인하러 가기',
    retryAt: (when) => `${when} 이후에 다시 시도하세요.`,
    errors: {
      'auth.invalid_credentials': '이메일 주소나 비밀번호가 맞지 않습니다.',
      'auth.locked': '로그인에 연달아 5번 실패해 이 계정이 15분 동안 잠겼습니다.',
      'auth.rate_limited': '지금 쓰는 네트워크에서 로그인 실패가 너무 많았습니다.',
      'auth.csrf':
        '이 양식이 만료되었거나 이 사이트에서 보낸 것이 아니어서 아무것도 바꾸지 않았습니다. 뒤로 가서 페이지를 새로 고친 뒤 다시 시도하세요.',
      'auth.forbidden': '이 계정에는 이 일을 할 수 있는 역할이 없습니다.',
      'auth.signed_out': '계속하려면 로그인하세요.',
      'auth.wrong_password': '현재 비밀번호가 아닙니다.',
      'email.invalid': 'name@example.org 같은 이메일 주소를 입력하세요.',
      'display_name.invalid': '1자에서 100자 사이의 이름을 입력하세요.',
      'password.too_short': '12자 이상으로 정하세요.',
      'password.too_long': '1,000자 이하로 정하세요.',
      'password.too_common': '너무 흔한 비밀번호입니다. 다른 비밀번호를 정하세요.',
      'account.email_taken': '이 이메일 주소로 된 계정이 이미 있습니다.',
      'role.invalid': '목록에서 역할을 고르세요.',
      'role_grant.not_found': '그 역할은 이제 없습니다. 이미 회수되었을 수 있습니다.',
      'invitation.invalid': '이 초대 링크는 올바르지 않습니다. 이메일의 링크 전체를 열었는지 확인하세요.',
      'invitation.expired': '이 초대는 만료되었습니다. 초대한 운영자에게 새 초대를 부탁하세요.',
      'invitation.used': '이 초대는 이미 사용되었습니다.',
      'invitation.wrong_account': '다른 계정으로 로그인되어 있습니다. 로그아웃한 뒤 초대를 다시 여세요.',
      'invitation.sign_in_required': '이 주소로 된 계정이 이미 있습니다. 그 계정으로 로그인한 뒤 초대를 수락하세요.',
      'invitation.edition_unknown': '목록에서 회차를 고르세요.',
      'password_reset.invalid':
        '이 비밀번호 재설정 링크는 올바르지 않습니다. 이메일의 링크 전체를 열었는지 확인하세요.',
      'password_reset.expired': '이 비밀번호 재설정 링크는 만료되었습니다. 새 링크를 요청하세요.',
      'password_reset.used': '이 비밀번호 재설정 링크는 이미 사용되었습니다. 필요하면 새 링크를 요청하세요.',
      'setup.invalid': '이 설정 링크는 올바르지 않습니다. 마당이 시작할 때 출력한 링크 전체를 쓰세요.',
      'setup.expired': '이 설정 링크는 만료되었습니다. 마당을 다시 시작하면 새 링크를 출력합니다.',
      'setup.used': '이 설정 링크는 이미 사용되었습니다.',
      'setup.done': '관리자가 이미 있습니다. 로그인하세요.',
      'mail.not_sent':
        '이메일을 보내지 못해 아무것도 저장하지 않았습니다. 나중에 다시 시도하거나, 이 마당을 운영하는 분께 메일 설정을 확인해 달라고 하세요.'
    },
    mail: {
      invitationSubject: (edition) => `초대: ${edition}`,
      invitationText: (v) =>
        `${v.inviter}님이 ${v.edition}에 ${v.role}(으)로 함께해 달라고 초대합니다.\n\n` +
        `수락하려면 이 링크를 여세요:\n${v.link}\n\n` +
        `링크는 ${v.days}일 동안 한 번 쓸 수 있습니다. 예상하지 못한 초대라면 이 이메일은 무시하셔도 됩니다.\n`,
      passwordResetSubject: '새 비밀번호 정하기',
      passwordResetText: (v) =>
        `마당 계정의 비밀번호 재설정을 요청받았습니다.\n\n` +
        `새 비밀번호를 정하려면 이 링크를 여세요:\n${v.link}\n\n` +
        `링크는 ${v.minutes}분 동안 한 번 쓸 수 있습니다. 요청하지 않으셨다면 이 이메일은 무시하세요. 비밀번호는 그대로입니다.\n`
    }
  },

  dateWithWeekday: '날짜',
  consoleProgramme: consoleProgrammeKo,
  consoleTranslations: consoleTranslationsKo,
  consoleOidc: consoleOidcKo,
  consoleImport: consoleImportKo,
  consoleSpeakers: consoleSpeakersKo,
  consolePlaces: consolePlacesKo,
  liveStage: liveStageKo,
  consoleEdition: consoleEditionKo,
  questions: questionsKo,
  polls: pollsKo,
  chat: chatKo,
  destinations: destinationsKo,
  broadcast: broadcastKo,
  player: playerKo
};
