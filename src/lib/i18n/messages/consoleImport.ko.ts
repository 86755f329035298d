/** 콘솔의 프로그램 가져오기·내보내기(frab / pretalx 일정 JSON) 한국어 문구. */
import type { ConsoleImportMessages } from './consoleImport.en.js';

export const consoleImportKo: ConsoleImportMessages = {
  dashboardLink: '프로그램 가져오기',
  exportLink: '내보내기 (frab JSON)',
  exportHint:
    '초안과 모든 번역을 포함한 프로그램 전체를 frab 일정 JSON으로 내려받습니다. 마당에 그대로 다시 가져올 수 있습니다.',

  title: '프로그램 가져오기',
  intro:
    '일정 파일로 새 회차를 만듭니다. 마당에서 내보낸 파일이면 번역, 초안, 도시, 채널까지 모두 그대로 옮겨지고, frab이나 pretalx의 schedule.json이면 한 언어의 일정만 옮겨집니다(도시와 채널 없음). 새 회차는 초안으로 시작합니다.',
  file: '일정 파일 (JSON)',
  fileHint: (megabytes) => `${megabytes}MB 이하의 .json 파일`,
  slug: '새 회차의 주소',
  slugHint: '영문 소문자, 숫자, 붙임표(-)만 씁니다. 예: seoul-2021 → 회차 주소는 /seoul-2021',
  plainHeading: 'frab·pretalx 파일일 때만',
  plainHelp: '마당에서 내보낸 파일에는 이미 들어 있습니다. 파일에 없을 때만 입력하세요.',
  zone: '일정의 시간대',
  zoneHint: '파일에 시간대가 없을 때 쓸 IANA 시간대(예: Asia/Seoul). 비워 두면 파일의 시간대를 씁니다.',
  defaultLocale: '글의 언어',
  defaultLocaleHint: '행사 항목에 언어가 없을 때 쓸 언어 태그(예: ko, en). 비워 두면 항목의 언어를 씁니다.',
  submit: '가져오기',

  fileRejected: (count) => `파일을 가져오지 않았습니다. 아래에 적은 문제 ${count}개가 있습니다.`,
  problemsHeading: '파일의 문제',
  wholeFile: '파일 전체',
  at: (path) => `위치: ${path}`,
  tooLarge: (megabytes) =>
    `파일이 한 번에 가져올 수 있는 크기(${megabytes}MB)보다 큽니다. 프로그램을 나누거나 긴 글을 줄여 주세요.`,

  imported: (c) =>
    `프로그램을 초안 회차로 가져왔습니다. 날 ${c.days}개, 무대 ${c.stages}개, 세션 ${c.sessions}개, 프로그램 항목 ${c.items}개, 발표자 ${c.speakers}명, 도시 ${c.cities}개, 채널 ${c.channels}개. 확인한 뒤 공개하세요.`,

  errors: {
    'import.file_missing': '가져올 일정 파일을 고르세요.',
    'import.slug_invalid':
      '영문 소문자, 숫자, 붙임표(-)로 39자 이내로 쓰고, 붙임표로 끝내지 마세요. console처럼 사이트가 쓰는 낱말은 쓸 수 없습니다.',
    'import.slug_taken': '이 주소를 쓰는 회차가 이미 있습니다. 다른 주소를 고르세요.',
    'import.locale_invalid': 'ko나 en 같은 언어 태그를 입력하거나 비워 두세요.',
    'import.unknown_zone': '마당이 모르는 시간대입니다. Asia/Seoul, Europe/Berlin 같은 IANA 이름을 쓰세요.',
    'import.not_json': 'JSON이 아닙니다.',
    'import.too_large': '너무 커서 가져올 수 없습니다.',
    'import.text_too_long': '글이 너무 깁니다.',
    'import.not_frab': 'frab이나 pretalx 일정의 형식이 아닙니다.',
    'import.bad_extension': '마당 데이터(x-madang)가 손상되었습니다.',
    'import.unsupported_extension': '더 새로운 마당에서 만든 데이터입니다.',
    'import.extension_mismatch': '마당에서 내보낸 뒤 일정이 바뀌었습니다.',
    'import.bad_date': '올바른 날짜가 아닙니다.',
    'import.bad_time': '올바른 시각이 아닙니다.',
    'import.bad_duration': '올바른 길이가 아닙니다.',
    'import.duplicate_id': '같은 기록이 두 번 있습니다.',
    'import.unknown_room': '일정에 없는 방입니다.',
    'import.unknown_reference': '파일에 없는 기록을 가리킵니다.',
    'import.bad_target': '가져오기 설정이 올바르지 않습니다.',
    'import.more_errors': '문제가 더 있습니다.',
    'import.ids_taken': '다른 회차가 이미 쓰는 id입니다.'
  }
};
