/** The console's overview of an edition's missing translations, in Korean. */
import type { consoleTranslationsEn } from './consoleTranslations.en.js';

export const consoleTranslationsKo: typeof consoleTranslationsEn = {
  title: (edition) => `번역이 빠진 글: ${edition}`,
  link: '번역이 빠진 글',
  intro:
    '회차의 언어 가운데 일부로만 쓰여 있고 모든 언어로 쓰여 있지는 않은 글입니다. 아직 아무도 쓰지 않은 글(빈 요약 등)은 목록에 없습니다. 링크를 따라가 번역하세요.',
  summaryHeading: '언어별',
  summaryItem: (language, fields) => `${language}: 번역할 항목 ${fields}개`,
  filterLabel: '다음 언어로 빠진 글 보기',
  filterAll: '모든 언어',
  filterSubmit: '보기',
  none: '쓰여 있는 글은 모두 회차의 모든 언어로 되어 있습니다.',
  noneIn: (language) => `${language}로 빠진 글은 없습니다.`,
  caption: (count) => `번역이 빠진 기록 ${count}건`,
  columnRecord: '기록',
  columnField: '항목',
  columnMissing: '빠진 언어',
  recordTypes: {
    edition: '회차',
    day: '날짜',
    session: '세션',
    programme_item: '프로그램 항목',
    speaker: '연사',
    city: '도시',
    channel: '채널',
    stage: '무대'
  },
  fields: {
    title: '제목',
    theme: '주제',
    summary: '요약',
    name: '이름',
    jobTitle: '직함',
    organisation: '소속',
    bio: '약력'
  }
};
