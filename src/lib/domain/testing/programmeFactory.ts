/**
 * Test fixtures for the programme, built by small factories instead of JSON
 * dumps: `buildProgramme()` is a two-day mini forum hosted in Seoul (ko + en)
 * with speakers joining from Seoul, Los Angeles and Helsinki; every
 * `buildX(overrides)` returns one valid record a test can adjust.
 */
import type {
  Channel,
  City,
  Day,
  Edition,
  Organisation,
  Programme,
  ProgrammeItem,
  Series,
  Session,
  Speaker,
  Stage
} from '../programme.js';
import { instantFromWallTime } from '../time.js';

export const testEditionId = 'edition-seoul-2020';
export const testHostZone = 'Asia/Seoul';

/** The instant clocks in Seoul read `date` `time` (e.g. `'2020-09-22', '16:00'`). */
export function seoulTime(date: string, time: string): Date {
  return instantFromWallTime(date, time, testHostZone);
}

export function buildOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: 'org-madang',
    slug: 'madang',
    name: { ko: '마당 포럼 조직위원회', en: 'Madang Forum Committee' },
    url: 'https://madang.example',
    ...overrides
  };
}

export function buildSeries(overrides: Partial<Series> = {}): Series {
  return {
    id: 'series-inclusive-cities',
    organisationId: 'org-madang',
    slug: 'inclusive-cities',
    name: { ko: '포용 도시 포럼', en: 'Inclusive Cities Forum' },
    ...overrides
  };
}

export function buildEdition(overrides: Partial<Edition> = {}): Edition {
  return {
    id: testEditionId,
    seriesId: 'series-inclusive-cities',
    slug: 'seoul-2020',
    title: { ko: '2020 서울 포용 도시 포럼', en: 'Seoul Inclusive Cities Forum 2020' },
    theme: { ko: '함께 사는 도시', en: 'Cities we share' },
    summary: {
      ko: '서울, 로스앤젤레스, 헬싱키를 잇는 이틀간의 온라인 포럼입니다.',
      en: 'Two days online, connecting Seoul, Los Angeles and Helsinki.'
    },
    hostZone: testHostZone,
    defaultLocale: 'ko',
    locales: ['ko', 'en'],
    startsOn: '2020-09-22',
    endsOn: '2020-09-23',
    state: 'published',
    version: 1,
    updatedAt: new Date('2020-09-01T00:00:00Z'),
    ...overrides
  };
}

export function buildDay(overrides: Partial<Day> = {}): Day {
  return {
    id: 'day-1',
    editionId: testEditionId,
    date: '2020-09-22',
    title: { ko: '첫째 날', en: 'Day 1' },
    position: 1,
    ...overrides
  };
}

export function buildStage(overrides: Partial<Stage> = {}): Stage {
  return {
    id: 'stage-main',
    editionId: testEditionId,
    name: { ko: '메인 스테이지', en: 'Main stage' },
    ...overrides
  };
}

export function buildSession(overrides: Partial<Session> = {}): Session {
  return {
    id: 'session-1',
    editionId: testEditionId,
    dayId: 'day-1',
    stageId: 'stage-main',
    kind: 'conference_session',
    title: { ko: '세션', en: 'Session' },
    summary: { ko: '세션 소개', en: 'About the session' },
    startsAt: seoulTime('2020-09-22', '16:00'),
    endsAt: seoulTime('2020-09-22', '17:00'),
    zone: testHostZone,
    position: 1,
    state: 'published',
    channelIds: [],
    isIllustrative: false,
    version: 1,
    ...overrides
  };
}

export function buildItem(overrides: Partial<ProgrammeItem> = {}): ProgrammeItem {
  return {
    id: 'item-1',
    sessionId: 'session-1',
    title: { ko: '발표', en: 'Talk' },
    summary: {},
    startsAt: null,
    endsAt: null,
    position: 1,
    speakerIds: [],
    isIllustrative: false,
    ...overrides
  };
}

export function buildSpeaker(overrides: Partial<Speaker> = {}): Speaker {
  return {
    id: 'speaker-1',
    editionId: testEditionId,
    name: { ko: '발표자', en: 'Speaker' },
    jobTitle: {},
    organisation: {},
    cityId: null,
    bio: {},
    photoUrl: null,
    languages: ['ko'],
    presence: 'remote',
    isIllustrative: false,
    ...overrides
  };
}

export function buildCity(overrides: Partial<City> = {}): City {
  return {
    id: 'city-seoul',
    editionId: testEditionId,
    name: { ko: '서울', en: 'Seoul' },
    country: 'KR',
    zone: 'Asia/Seoul',
    summary: {},
    position: 1,
    isIllustrative: false,
    ...overrides
  };
}

export function buildChannel(overrides: Partial<Channel> = {}): Channel {
  return {
    id: 'channel-site',
    editionId: testEditionId,
    kind: 'site',
    name: { ko: '포럼 웹사이트', en: 'Forum website' },
    url: 'https://forum.example/seoul-2020',
    position: 1,
    ...overrides
  };
}

/**
 * The mini forum. Day 1 (22 Sept 2020, KST): opening keynote 16:00–17:00 and
 * a three-city conversation 17:10–18:40 on the main stage, plus a draft
 * session that must never be exported. Day 2: a seminar without a stage
 * 10:00–11:30, a break, and a talk concert in the studio 16:00–17:00.
 */
export function buildProgramme(overrides: Partial<Programme> = {}): Programme {
  const cities = [
    buildCity(),
    buildCity({
      id: 'city-los-angeles',
      name: { ko: '로스앤젤레스', en: 'Los Angeles' },
      country: 'US',
      zone: 'America/Los_Angeles',
      position: 2
    }),
    buildCity({
      id: 'city-helsinki',
      name: { ko: '헬싱키', en: 'Helsinki' },
      country: 'FI',
      zone: 'Europe/Helsinki',
      position: 3
    })
  ];
  const speakers = [
    buildSpeaker({
      id: 'speaker-kim',
      name: { ko: '김서연', en: 'Kim Seo-yeon' },
      jobTitle: { ko: '연구위원', en: 'Research Fellow' },
      organisation: { ko: '서울연구원', en: 'The Seoul Institute' },
      cityId: 'city-seoul',
      bio: {
        ko: '도시 접근성과 돌봄 정책을 연구합니다.',
        en: 'Researches urban accessibility and care policy.'
      },
      languages: ['ko', 'en'],
      presence: 'on_site'
    }),
    buildSpeaker({
      id: 'speaker-lopez',
      name: { ko: '마리아 로페스', en: 'Maria Lopez' },
      jobTitle: { en: 'Associate Director' },
      organisation: { en: 'LA Civic Lab' },
      cityId: 'city-los-angeles',
      bio: { en: 'Runs participatory budgeting programmes in Los Angeles.' },
      languages: ['en', 'es'],
      presence: 'remote'
    }),
    buildSpeaker({
      id: 'speaker-virtanen',
      name: { ko: '아이노 비르타넨', en: 'Aino Virtanen' },
      jobTitle: { ko: '도시계획가', en: 'Urban Planner' },
      organisation: { ko: '헬싱키시', en: 'City of Helsinki' },
      cityId: 'city-helsinki',
      bio: { en: 'Plans accessible public spaces for Helsinki.' },
      languages: ['fi', 'en'],
      presence: 'remote'
    })
  ];
  const channels = [
    buildChannel(),
    buildChannel({
      id: 'channel-youtube',
      kind: 'youtube',
      name: { ko: '유튜브', en: 'YouTube' },
      url: 'https://www.youtube.com/@madang-forum',
      position: 2
    })
  ];
  const sessions = [
    buildSession({
      id: 'opening-keynote',
      kind: 'keynote',
      title: { ko: '개막 기조연설: 함께 사는 도시', en: 'Opening keynote: Cities we share' },
      summary: {
        ko: '누구나 참여할 수 있는 도시를 위한 다섯 가지 질문.',
        en: 'Five questions for a city everyone can take part in.'
      },
      startsAt: seoulTime('2020-09-22', '16:00'),
      endsAt: seoulTime('2020-09-22', '17:00'),
      position: 1,
      channelIds: ['channel-site', 'channel-youtube']
    }),
    buildSession({
      id: 'three-cities',
      kind: 'conference_session',
      title: { ko: '세 도시의 대화', en: 'A conversation between three cities' },
      summary: {
        ko: '서울, 로스앤젤레스, 헬싱키의 참여 예산 경험을 나눕니다.',
        en: 'Seoul, Los Angeles and Helsinki compare participatory budgeting.'
      },
      startsAt: seoulTime('2020-09-22', '17:10'),
      endsAt: seoulTime('2020-09-22', '18:40'),
      position: 2,
      channelIds: ['channel-site']
    }),
    buildSession({
      id: 'closing-draft',
      kind: 'conference_session',
      title: { ko: '준비 중인 세션', en: 'Session in preparation' },
      startsAt: seoulTime('2020-09-22', '19:00'),
      endsAt: seoulTime('2020-09-22', '19:30'),
      position: 3,
      state: 'draft'
    }),
    buildSession({
      id: 'accessible-spaces',
      dayId: 'day-2',
      stageId: null,
      kind: 'seminar_part',
      title: { ko: '세미나: 접근 가능한 공공 공간', en: 'Seminar: accessible public space' },
      summary: { en: 'A hands-on seminar from Helsinki.' },
      startsAt: seoulTime('2020-09-23', '10:00'),
      endsAt: seoulTime('2020-09-23', '11:30'),
      position: 1
    }),
    buildSession({
      id: 'morning-break',
      dayId: 'day-2',
      kind: 'break',
      title: { ko: '휴식', en: 'Break' },
      summary: {},
      startsAt: seoulTime('2020-09-23', '11:30'),
      endsAt: seoulTime('2020-09-23', '11:45'),
      position: 2
    }),
    buildSession({
      id: 'talk-concert',
      dayId: 'day-2',
      stageId: 'stage-studio',
      kind: 'talk_concert',
      title: { ko: '토크 콘서트: 도시의 소리', en: 'Talk concert: sounds of the city' },
      summary: { ko: '음악과 이야기로 닫는 포럼.', en: 'The forum closes with music and stories.' },
      startsAt: seoulTime('2020-09-23', '16:00'),
      endsAt: seoulTime('2020-09-23', '17:00'),
      position: 3
    })
  ];
  const items = [
    buildItem({ id: 'item-keynote', sessionId: 'opening-keynote', speakerIds: ['speaker-kim'] }),
    buildItem({
      id: 'item-seoul',
      sessionId: 'three-cities',
      title: { ko: '서울의 참여 예산', en: 'Participatory budgeting in Seoul' },
      position: 1,
      speakerIds: ['speaker-kim']
    }),
    buildItem({
      id: 'item-los-angeles',
      sessionId: 'three-cities',
      title: { ko: '로스앤젤레스의 경험', en: 'Lessons from Los Angeles' },
      position: 2,
      speakerIds: ['speaker-lopez']
    }),
    buildItem({
      id: 'item-helsinki',
      sessionId: 'three-cities',
      title: { ko: '헬싱키의 경험', en: 'Lessons from Helsinki' },
      position: 3,
      speakerIds: ['speaker-virtanen']
    }),
    buildItem({ id: 'item-seminar', sessionId: 'accessible-spaces', speakerIds: ['speaker-virtanen'] }),
    buildItem({ id: 'item-concert', sessionId: 'talk-concert', speakerIds: ['speaker-lopez'] })
  ];
  return {
    organisation: buildOrganisation(),
    series: buildSeries(),
    edition: buildEdition(),
    days: [
      buildDay(),
      buildDay({ id: 'day-2', date: '2020-09-23', title: { ko: '둘째 날', en: 'Day 2' }, position: 2 })
    ],
    stages: [buildStage(), buildStage({ id: 'stage-studio', name: { ko: '스튜디오', en: 'Studio' } })],
    sessions,
    items,
    speakers,
    cities,
    channels,
    ...overrides
  };
}

/** A published edition with nothing scheduled yet: no days, stages, sessions or people. */
export function emptyProgramme(overrides: Partial<Programme> = {}): Programme {
  return {
    organisation: buildOrganisation(),
    series: buildSeries(),
    edition: buildEdition(),
    days: [],
    stages: [],
    sessions: [],
    items: [],
    speakers: [],
    cities: [],
    channels: [],
    ...overrides
  };
}
