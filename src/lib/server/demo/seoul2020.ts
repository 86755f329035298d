/**
 * The built-in demo edition: the 2020 Seoul Smart City Leaders Forum, in
 * Korean and English. What the product brief documents is entered as fact;
 * everything else (talk titles, speaker names other than the keynote, the
 * seven unnamed participating cities, the day-2 break) is a placeholder with
 * `isIllustrative: true` and says so in its own text, so no reader mistakes
 * it for a record of what happened.
 */
import type { LocalizedText } from '../../domain/localizedText.js';
import type {
  Channel,
  City,
  Day,
  Programme,
  ProgrammeItem,
  Session,
  SessionKind,
  Speaker,
  SpeakerPresence
} from '../../domain/programme.js';
import { instantFromWallTime } from '../../domain/time.js';

const HOST_ZONE = 'Asia/Seoul';
const EDITION_ID = 'seoul-2020';
const STAGE_ID = 'seoul-on';

function text(ko: string, en: string): LocalizedText {
  return { ko, en };
}

function at(date: string, time: string): Date {
  return instantFromWallTime(date, time, HOST_ZONE);
}

// ---------------------------------------------------------------- channels

const channels: readonly Channel[] = [
  {
    id: 'ch-site',
    editionId: EDITION_ID,
    kind: 'site',
    name: text('포럼 공식 웹사이트', 'Official forum website'),
    // Placeholder origin: the forum's own site is whatever Madang instance
    // serves this edition, so the server swaps in its public origin at render.
    url: 'https://madang.example/seoul-2020',
    position: 0
  },
  {
    id: 'ch-seoul-youtube',
    editionId: EDITION_ID,
    kind: 'youtube',
    name: text('서울시 공식 유튜브 채널', 'Seoul Metropolitan Government on YouTube'),
    // Illustrative handle: the brief names the channel, not its address.
    url: 'https://www.youtube.com/@seoullive',
    position: 1
  },
  {
    id: 'ch-tbs-youtube',
    editionId: EDITION_ID,
    kind: 'youtube',
    name: text('TBS 유튜브 채널', 'TBS on YouTube'),
    // Illustrative handle, as above.
    url: 'https://www.youtube.com/@tbstvseoul',
    position: 2
  },
  {
    id: 'ch-live-seoul',
    editionId: EDITION_ID,
    kind: 'social',
    name: text("서울시 소셜방송 '라이브 서울'", '“Live Seoul”, the city’s social broadcasting service'),
    // Illustrative address.
    url: 'https://tv.seoul.go.kr/live',
    position: 3
  }
];

// ------------------------------------------------------------------ cities

interface CityEntry {
  readonly id: string;
  readonly name: LocalizedText;
  readonly country: string | null;
  readonly zone: string | null;
  readonly summary: LocalizedText;
  readonly isIllustrative: boolean;
}

const knownCities: readonly CityEntry[] = [
  {
    id: 'city-seoul',
    name: text('서울', 'Seoul'),
    country: 'KR',
    zone: HOST_ZONE,
    summary: text(
      '개최 도시. 서울시와 함께 성동구, 서울주택도시공사(SH)가 사례를 발표했습니다.',
      'Host city. Seoul Metropolitan Government, Seongdong District and SH (Seoul Housing & Communities Corp.) presented cases.'
    ),
    isIllustrative: false
  },
  {
    id: 'city-the-hague',
    name: text('헤이그', 'The Hague'),
    country: 'NL',
    zone: 'Europe/Amsterdam',
    summary: text('포용적 스마트시티 사례를 발표했습니다.', 'Presented an inclusive smart-city case.'),
    isIllustrative: false
  },
  {
    id: 'city-los-angeles',
    name: text('로스앤젤레스', 'Los Angeles'),
    country: 'US',
    zone: 'America/Los_Angeles',
    summary: text('포용적 스마트시티 사례를 발표했습니다.', 'Presented an inclusive smart-city case.'),
    isIllustrative: false
  },
  {
    id: 'city-helsinki',
    name: text('헬싱키', 'Helsinki'),
    country: 'FI',
    zone: 'Europe/Helsinki',
    summary: text('포용적 스마트시티 사례를 발표했습니다.', 'Presented an inclusive smart-city case.'),
    isIllustrative: false
  }
];

/** The brief counts 11 cities but names only four; the rest are placeholders. */
const TOTAL_CITIES = 11;

function placeholderCity(number: number): CityEntry {
  return {
    id: `city-tbc-${number}`,
    name: text(`참가 도시 ${number} (미정)`, `Participating city ${number} (to be confirmed)`),
    country: null,
    zone: null,
    summary: text(
      '예시 항목: 포럼에 참가한 11개 도시 중 하나로, 도시 이름은 이 데모 데이터에 없습니다.',
      'Illustrative entry: one of the 11 participating cities; its name is not recorded in this demo.'
    ),
    isIllustrative: true
  };
}

function cities(): City[] {
  const entries = [...knownCities];
  for (let n = entries.length + 1; n <= TOTAL_CITIES; n++) entries.push(placeholderCity(n));
  return entries.map((entry, position) => ({ ...entry, editionId: EDITION_ID, position }));
}

// ---------------------------------------------------------------- speakers

interface PlaceholderSpeaker {
  readonly id: string;
  /** Who the placeholder stands for, e.g. `헤이그 발표자` / `Speaker from The Hague`. */
  readonly name: LocalizedText;
  readonly organisation: LocalizedText;
  readonly cityId: string | null;
  readonly languages: readonly string[];
  readonly presence: SpeakerPresence;
}

/** A speaker whose real name is not known: the name itself says so. */
function placeholderSpeaker(entry: PlaceholderSpeaker): Speaker {
  return {
    id: entry.id,
    editionId: EDITION_ID,
    name: text(`${entry.name.ko} (예시)`, `${entry.name.en} (illustrative)`),
    jobTitle: text('발표자', 'Speaker'),
    organisation: entry.organisation,
    cityId: entry.cityId,
    bio: text(
      '예시 항목입니다. 실제 발표자의 이름과 약력은 이 데모 데이터에 없습니다.',
      'Illustrative entry: the real speaker’s name and biography are not recorded in this demo.'
    ),
    photoUrl: null,
    languages: entry.languages,
    presence: entry.presence,
    isIllustrative: true
  };
}

const TBC_ORGANISATION = text('소속 미정', 'Organisation to be confirmed');
const SEOUL_GOVERNMENT = text('서울특별시', 'Seoul Metropolitan Government');

// Presence follows the brief: foreign speakers joined by video from where they
// were, Korean speakers were in the Seoul On studio.
const placeholderSpeakers: readonly PlaceholderSpeaker[] = [
  {
    id: 'spk-the-hague',
    name: text('헤이그 발표자', 'Speaker from The Hague'),
    organisation: text('헤이그시', 'City of The Hague'),
    cityId: 'city-the-hague',
    languages: ['nl', 'en'],
    presence: 'remote'
  },
  {
    id: 'spk-los-angeles',
    name: text('로스앤젤레스 발표자', 'Speaker from Los Angeles'),
    organisation: text('로스앤젤레스시', 'City of Los Angeles'),
    cityId: 'city-los-angeles',
    languages: ['en'],
    presence: 'remote'
  },
  {
    id: 'spk-helsinki',
    name: text('헬싱키 발표자', 'Speaker from Helsinki'),
    organisation: text('헬싱키시', 'City of Helsinki'),
    cityId: 'city-helsinki',
    languages: ['fi', 'en'],
    presence: 'remote'
  },
  {
    id: 'spk-seongdong',
    name: text('성동구 발표자', 'Speaker from Seongdong District'),
    organisation: text('서울 성동구', 'Seongdong District, Seoul'),
    cityId: 'city-seoul',
    languages: ['ko'],
    presence: 'on_site'
  },
  {
    id: 'spk-sh',
    name: text('서울주택도시공사 발표자', 'Speaker from SH'),
    organisation: text('서울주택도시공사(SH)', 'Seoul Housing & Communities Corp. (SH)'),
    cityId: 'city-seoul',
    languages: ['ko'],
    presence: 'on_site'
  },
  {
    id: 'spk-seoul',
    name: text('서울시 발표자', 'Speaker from Seoul Metropolitan Government'),
    organisation: SEOUL_GOVERNMENT,
    cityId: 'city-seoul',
    languages: ['ko'],
    presence: 'on_site'
  },
  {
    id: 'spk-uk-embassy',
    name: text('주한 영국대사관 발표자', 'Speaker from the British Embassy in Korea'),
    organisation: text('주한 영국대사관', 'British Embassy Seoul'),
    cityId: 'city-seoul',
    languages: ['en'],
    presence: 'remote'
  },
  {
    id: 'spk-thai-embassy',
    name: text('주한 태국대사관 발표자', 'Speaker from the Royal Thai Embassy in Korea'),
    organisation: text('주한 태국대사관', 'Royal Thai Embassy, Seoul'),
    cityId: 'city-seoul',
    languages: ['th', 'en'],
    presence: 'remote'
  },
  {
    id: 'spk-nvidia',
    name: text('엔비디아 발표자', 'Speaker from NVIDIA'),
    organisation: text('엔비디아', 'NVIDIA'),
    cityId: null,
    languages: ['en'],
    presence: 'remote'
  },
  {
    id: 'spk-dot',
    name: text('닷 발표자', 'Speaker from Dot'),
    organisation: text('닷', 'Dot'),
    cityId: 'city-seoul',
    languages: ['ko', 'en'],
    presence: 'on_site'
  },
  {
    id: 'spk-film-director',
    name: text('영화감독', 'Film director'),
    organisation: TBC_ORGANISATION,
    cityId: 'city-seoul',
    languages: ['ko'],
    presence: 'on_site'
  },
  {
    id: 'spk-d1-citizen-seoul',
    name: text('서울 시민 패널, 1일차', 'Citizen panelist in Seoul, day 1'),
    organisation: text('시민', 'Citizen'),
    cityId: 'city-seoul',
    languages: ['ko', 'en'],
    presence: 'on_site'
  },
  {
    id: 'spk-d1-citizen-abroad',
    name: text('해외 시민 패널, 1일차', 'Citizen panelist from abroad, day 1'),
    organisation: text('시민', 'Citizen'),
    cityId: null,
    languages: ['en'],
    presence: 'remote'
  },
  {
    id: 'spk-d2-seoul-big-data',
    name: text('서울 빅데이터 사례 발표자', 'Speaker on big data in Seoul'),
    organisation: TBC_ORGANISATION,
    cityId: 'city-seoul',
    languages: ['ko'],
    presence: 'on_site'
  },
  {
    id: 'spk-d2-china-big-data',
    name: text('중국 빅데이터 사례 발표자', 'Speaker on big data in China'),
    organisation: TBC_ORGANISATION,
    cityId: null,
    languages: ['zh', 'en'],
    presence: 'remote'
  },
  {
    id: 'spk-d2-europe',
    name: text('유럽 사례 발표자', 'Speaker on European cases'),
    organisation: TBC_ORGANISATION,
    cityId: null,
    languages: ['en'],
    presence: 'remote'
  },
  {
    id: 'spk-d2-citizen-seoul',
    name: text('서울 시민 패널, 2일차', 'Citizen panelist in Seoul, day 2'),
    organisation: text('시민', 'Citizen'),
    cityId: 'city-seoul',
    languages: ['ko', 'en'],
    presence: 'on_site'
  },
  {
    id: 'spk-d2-citizen-abroad',
    name: text('해외 시민 패널, 2일차', 'Citizen panelist from abroad, day 2'),
    organisation: text('시민', 'Citizen'),
    cityId: null,
    languages: ['en'],
    presence: 'remote'
  }
];

const keynoteSpeaker: Speaker = {
  id: 'sokwoo-rhee',
  editionId: EDITION_ID,
  name: text('이석우', 'Sokwoo Rhee'),
  jobTitle: text('부국장 (포럼 당시)', 'Associate Director (at the time of the forum)'),
  organisation: text('미국 국립표준기술연구소(NIST)', 'US National Institute of Standards and Technology (NIST)'),
  cityId: null,
  bio: text(
    '포럼 당시 미국 국립표준기술연구소(NIST) 부국장으로, 스마트아메리카 챌린지(SmartAmerica Challenge)를 이끌었습니다. 포럼에는 화상으로 참여했습니다.',
    'At the time of the forum an Associate Director at the US National Institute of Standards and Technology (NIST); he led the SmartAmerica Challenge. He joined the forum by video.'
  ),
  photoUrl: null,
  languages: ['en', 'ko'],
  presence: 'remote',
  isIllustrative: false
};

function speakers(): Speaker[] {
  return [keynoteSpeaker, ...placeholderSpeakers.map(placeholderSpeaker)];
}

// ---------------------------------------------------- days, sessions, items

const days: readonly Day[] = [
  {
    id: 'day-1',
    editionId: EDITION_ID,
    date: '2020-09-22',
    title: text('리더스 세미나', 'Leaders Seminar'),
    position: 0
  },
  {
    id: 'day-2',
    editionId: EDITION_ID,
    date: '2020-09-23',
    title: text('리더스 컨퍼런스', 'Leaders Conference'),
    position: 1
  }
];

interface ItemEntry {
  readonly id: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly speakerIds: readonly string[];
  readonly isIllustrative: boolean;
  /** The item is the whole session, so it takes the session's times. */
  readonly fillsSession?: boolean;
}

/** A talk whose subject is documented but whose exact title is not. */
function talk(id: string, subject: LocalizedText, summary: LocalizedText, speakerIds: readonly string[]): ItemEntry {
  return {
    id,
    title: text(`${subject.ko} (예시 제목)`, `${subject.en} (illustrative title)`),
    summary: text(
      `${summary.ko} 정확한 발표 제목은 이 데모 데이터에 없습니다.`,
      `${summary.en} The exact title is not recorded in this demo.`
    ),
    speakerIds,
    isIllustrative: true
  };
}

interface SessionEntry {
  readonly id: string;
  readonly dayId: string;
  readonly kind: SessionKind;
  readonly from: string;
  readonly to: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly isIllustrative: boolean;
  readonly items: readonly ItemEntry[];
}

// The brief gives each day's window and the order of its parts but not the
// minute at which each part began: the splits below are plausible guesses that
// fill each window exactly.
const sessionEntries: readonly SessionEntry[] = [
  {
    id: 'd1-cases',
    dayId: 'day-1',
    kind: 'seminar_part',
    from: '16:00',
    to: '17:00',
    title: text('1부 · 스마트시티 우수 사례', 'Part 1 · Exemplary Smart City Cases'),
    summary: text(
      '헤이그, 로스앤젤레스, 헬싱키, 서울 성동구, 서울주택도시공사(SH)가 포용적 스마트시티 사례를 소개하고, 서울시가 디지털 격차 없는 스마트시티를 만들어 가는 자체 사례를 발표합니다.',
      'The Hague, Los Angeles, Helsinki, Seongdong District (Seoul) and SH (Seoul Housing & Communities Corp.) present inclusive smart-city cases, and Seoul presents its own case of a smart city without a digital divide.'
    ),
    isIllustrative: false,
    items: [
      talk(
        'd1-cases-the-hague',
        text('헤이그: 포용적 스마트시티 사례', 'The Hague: an inclusive smart-city case'),
        text('헤이그의 포용적 스마트시티 사례 발표.', 'The Hague’s inclusive smart-city case.'),
        ['spk-the-hague']
      ),
      talk(
        'd1-cases-los-angeles',
        text('로스앤젤레스: 포용적 스마트시티 사례', 'Los Angeles: an inclusive smart-city case'),
        text('로스앤젤레스의 포용적 스마트시티 사례 발표.', 'Los Angeles’s inclusive smart-city case.'),
        ['spk-los-angeles']
      ),
      talk(
        'd1-cases-helsinki',
        text('헬싱키: 포용적 스마트시티 사례', 'Helsinki: an inclusive smart-city case'),
        text('헬싱키의 포용적 스마트시티 사례 발표.', 'Helsinki’s inclusive smart-city case.'),
        ['spk-helsinki']
      ),
      talk(
        'd1-cases-seongdong',
        text('서울 성동구: 포용적 스마트시티 사례', 'Seongdong District, Seoul: an inclusive smart-city case'),
        text('서울 성동구의 포용적 스마트시티 사례 발표.', 'Seongdong District’s inclusive smart-city case.'),
        ['spk-seongdong']
      ),
      talk(
        'd1-cases-sh',
        text(
          '서울주택도시공사(SH): 포용적 스마트시티 사례',
          'SH (Seoul Housing & Communities Corp.): an inclusive smart-city case'
        ),
        text('서울주택도시공사(SH)의 포용적 스마트시티 사례 발표.', 'SH’s inclusive smart-city case.'),
        ['spk-sh']
      ),
      talk(
        'd1-cases-seoul',
        text('서울: 디지털 격차 없는 스마트시티', 'Seoul: a smart city without a digital divide'),
        text(
          '서울시가 디지털 격차 없는 스마트시티를 만들어 가는 자체 사례를 발표합니다.',
          'Seoul presents its own case of a smart city without a digital divide.'
        ),
        ['spk-seoul']
      )
    ]
  },
  {
    id: 'd1-talk-concert',
    dayId: 'day-1',
    kind: 'talk_concert',
    from: '17:00',
    to: '18:00',
    title: text('2부 · 스마트 시민 토크콘서트', 'Part 2 · Smart Citizen Talk Concert'),
    summary: text(
      '주한 영국·태국 대사관, 엔비디아와 닷 같은 기업, 영화감독, 그리고 서울 명예시민과 유학생, 대학생, 재외동포, 외국인 주민 등 국내외 시민이 포용적 스마트시티를 주제로 이야기를 나눕니다.',
      'The UK and Thai embassies in Korea, the companies NVIDIA and Dot, a film director, and citizens from home and abroad (honorary citizens of Seoul, international and university students, overseas Koreans, foreign residents) talk about the inclusive smart city.'
    ),
    isIllustrative: false,
    items: [
      talk(
        'd1-talk-embassies',
        text('주한 대사관이 본 포용적 스마트시티', 'Embassies in Korea on the inclusive smart city'),
        text(
          '주한 영국대사관과 주한 태국대사관이 참여하는 대화.',
          'A conversation with the UK and Thai embassies in Korea.'
        ),
        ['spk-uk-embassy', 'spk-thai-embassy']
      ),
      talk(
        'd1-talk-companies',
        text('모두를 위한 기술', 'Technology for everyone'),
        text('엔비디아와 닷이 참여하는 대화.', 'A conversation with NVIDIA and Dot.'),
        ['spk-nvidia', 'spk-dot']
      ),
      talk(
        'd1-talk-film',
        text('영화감독의 시선으로 본 스마트시티', 'A film director’s view of the smart city'),
        text('영화감독이 참여하는 대화.', 'A conversation with a film director.'),
        ['spk-film-director']
      ),
      talk(
        'd1-talk-citizens',
        text('국내외 시민이 말하는 포용적 스마트시티', 'Citizens from home and abroad on the inclusive smart city'),
        text(
          '서울 명예시민, 유학생, 대학생, 재외동포, 외국인 주민 등 국내외 시민이 참여하는 대화.',
          'A conversation with citizens from home and abroad: honorary citizens of Seoul, international and university students, overseas Koreans and foreign residents.'
        ),
        ['spk-d1-citizen-seoul', 'spk-d1-citizen-abroad']
      )
    ]
  },
  {
    id: 'd2-keynote',
    dayId: 'day-2',
    kind: 'keynote',
    from: '16:00',
    to: '16:30',
    title: text('기조연설', 'Keynote'),
    summary: text(
      '스마트아메리카 챌린지를 이끈 이석우 미국 국립표준기술연구소(NIST) 부국장이 포용적 스마트시티를 주제로 화상 기조연설을 합니다.',
      'Sokwoo Rhee, Associate Director at the US National Institute of Standards and Technology (NIST) who led the SmartAmerica Challenge, speaks by video on the inclusive smart city.'
    ),
    isIllustrative: false,
    items: [
      {
        id: 'd2-keynote-talk',
        title: text('포용적 스마트시티', 'The inclusive smart city'),
        summary: text(
          '모두를 위한 스마트시티, 차별도 디지털 격차도 없는 도시에 관한 기조연설.',
          'A keynote on the inclusive smart city: a city for everyone, with no discrimination and no digital gap.'
        ),
        speakerIds: ['sokwoo-rhee'],
        isIllustrative: false,
        fillsSession: true
      }
    ]
  },
  {
    id: 'd2-cases',
    dayId: 'day-2',
    kind: 'conference_session',
    from: '16:30',
    to: '17:40',
    title: text('세션 1 · 스마트시티 우수 사례', 'Session 1 · Exemplary Smart City Cases'),
    summary: text(
      '서울과 중국의 빅데이터 활용, 취약계층을 위한 유럽의 스마트기술 활용 등 스마트시티 우수 사례를 살펴봅니다.',
      'Exemplary smart-city cases, including the use of big data in Seoul and in China and European uses of smart technology for vulnerable people.'
    ),
    isIllustrative: false,
    items: [
      talk(
        'd2-cases-seoul-big-data',
        text('서울의 빅데이터 활용', 'Big data in Seoul'),
        text('서울의 빅데이터 활용 사례.', 'How Seoul uses big data.'),
        ['spk-d2-seoul-big-data']
      ),
      talk(
        'd2-cases-china-big-data',
        text('중국의 빅데이터 활용', 'Big data in China'),
        text('중국의 빅데이터 활용 사례.', 'How cities in China use big data.'),
        ['spk-d2-china-big-data']
      ),
      talk(
        'd2-cases-europe-vulnerable',
        text('취약계층을 위한 유럽의 스마트기술', 'Smart technology for vulnerable people in Europe'),
        text(
          '유럽에서 취약계층을 위해 스마트기술을 활용한 사례.',
          'European uses of smart technology for vulnerable people.'
        ),
        ['spk-d2-europe']
      )
    ]
  },
  {
    id: 'd2-break',
    dayId: 'day-2',
    kind: 'break',
    from: '17:40',
    to: '17:50',
    title: text('휴식', 'Break'),
    summary: text(
      '두 세션 사이의 짧은 휴식. 예시 항목으로, 실제 행사에 휴식 시간이 있었는지는 확인되지 않았습니다.',
      'A short pause between the two sessions. Illustrative entry: whether the forum actually had a break is not confirmed.'
    ),
    isIllustrative: true,
    items: []
  },
  {
    id: 'd2-talk-concert',
    dayId: 'day-2',
    kind: 'talk_concert',
    from: '17:50',
    to: '19:00',
    title: text('세션 2 · 스마트 시민 토크콘서트', 'Session 2 · Smart Citizen Talk Concert'),
    summary: text(
      '시민 참여를 주제로, 시민이 함께 만드는 포용적 스마트시티에 관해 이야기를 나눕니다.',
      'A talk concert on citizen participation: how citizens take part in shaping an inclusive smart city.'
    ),
    isIllustrative: false,
    items: [
      talk(
        'd2-talk-citizens',
        text('시민이 함께 만드는 스마트시티', 'Citizens shaping the smart city'),
        text('시민 참여를 주제로 한 시민들의 대화.', 'Citizens in conversation about citizen participation.'),
        ['spk-d2-citizen-seoul', 'spk-d2-citizen-abroad']
      )
    ]
  }
];

function sessionsAndItems(): { sessions: Session[]; items: ProgrammeItem[] } {
  const channelIds = channels.map((channel) => channel.id);
  const sessions: Session[] = [];
  const items: ProgrammeItem[] = [];
  sessionEntries.forEach((entry, position) => {
    const day = days.find((candidate) => candidate.id === entry.dayId);
    if (!day) throw new Error(`demo session ${entry.id} names unknown day ${entry.dayId}`);
    const startsAt = at(day.date, entry.from);
    const endsAt = at(day.date, entry.to);
    sessions.push({
      id: entry.id,
      editionId: EDITION_ID,
      dayId: entry.dayId,
      stageId: STAGE_ID,
      kind: entry.kind,
      title: entry.title,
      summary: entry.summary,
      startsAt,
      endsAt,
      zone: HOST_ZONE,
      position,
      state: 'published',
      channelIds,
      isIllustrative: entry.isIllustrative,
      version: 1
    });
    // Talks that share a session have no known slot of their own.
    entry.items.forEach(({ fillsSession, ...item }, itemPosition) => {
      items.push({
        ...item,
        sessionId: entry.id,
        startsAt: fillsSession ? startsAt : null,
        endsAt: fillsSession ? endsAt : null,
        position: itemPosition
      });
    });
  });
  return { sessions, items };
}

// ----------------------------------------------------------------- edition

/** The 2020 Seoul Smart City Leaders Forum, built anew on every call. */
export function seoul2020Programme(): Programme {
  const { sessions, items } = sessionsAndItems();
  return {
    organisation: {
      id: 'seoul-metropolitan-government',
      slug: 'seoul-metropolitan-government',
      name: SEOUL_GOVERNMENT,
      url: 'https://www.seoul.go.kr'
    },
    series: {
      id: 'seoul-smart-city-leaders-forum',
      organisationId: 'seoul-metropolitan-government',
      slug: 'seoul-smart-city-leaders-forum',
      name: text('서울 스마트시티 리더스 포럼', 'Seoul Smart City Leaders Forum')
    },
    edition: {
      id: EDITION_ID,
      seriesId: 'seoul-smart-city-leaders-forum',
      slug: 'seoul-2020',
      title: text('2020 서울 스마트시티 리더스 포럼', '2020 Seoul Smart City Leaders Forum'),
      theme: text(
        '포용적 스마트시티: 차별도 디지털 격차도 없는 스마트시티',
        'Inclusive Smart City: a smart city with no discrimination and no digital gap'
      ),
      summary: text(
        '서울특별시와 서울디지털재단이 함께 연 2020 서울 스마트시티 리더스 포럼은 코로나19로 현장 청중 없이 전면 비대면(언택트) 온라인으로 진행되었습니다. 2016년부터 해마다 열어 온 디지털 서밋을 잇는 다섯 번째 행사이자 새 이름으로 처음 열린 포럼으로, 11개 도시가 참여했습니다. 2021년에는 콘텐츠를 더 늘리고 누구나 참여해 함께 토론하는 장으로 키워 갈 계획입니다.',
        'Seoul Metropolitan Government and the Seoul Digital Foundation held the 2020 Seoul Smart City Leaders Forum entirely online — “untact”, with no audience on site — because of COVID-19. It was the fifth year of the digital summit held every year since 2016 and the first under its new name, with 11 cities taking part. For 2021 the organisers planned more content and a forum that grows into a space for discussion everyone can join.'
      ),
      hostZone: HOST_ZONE,
      defaultLocale: 'ko',
      locales: ['ko', 'en'],
      startsOn: '2020-09-22',
      endsOn: '2020-09-23',
      state: 'published',
      version: 1,
      // The programme as it stood when the forum went out.
      updatedAt: new Date('2020-09-21T00:00:00Z')
    },
    days: days.map((day) => ({ ...day })),
    stages: [
      {
        id: STAGE_ID,
        editionId: EDITION_ID,
        name: text(
          "서울시민청 태평홀 영상회의 스튜디오 '서울온'",
          '“Seoul On” video-meeting studio, Taepyeong Hall, Seoul Citizens Hall'
        )
      }
    ],
    sessions,
    items,
    speakers: speakers(),
    cities: cities(),
    channels: channels.map((channel) => ({ ...channel }))
  };
}
