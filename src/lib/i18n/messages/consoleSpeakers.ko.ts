/** 콘솔 발표자 페이지의 한국어 메시지 (목록, 양식, 사진, 삭제, 변경 기록). */
import type { ConsoleSpeakersMessages } from './consoleSpeakers.en.js';

export const consoleSpeakersKo: ConsoleSpeakersMessages = {
  overviewLink: '발표자',
  list: {
    title: (edition: string) => `발표자: ${edition}`,
    heading: '발표자',
    intro: '이 회차에서 발표하는 모든 사람입니다. 발표자는 자신이 속한 프로그램 항목을 통해 공개 페이지에 나타납니다.',
    newSpeaker: '새 발표자',
    none: '이 회차에는 아직 발표자가 없습니다.',
    caption: '이 회차의 발표자 (이름순)',
    columnPhoto: '사진',
    columnName: '이름',
    columnCity: '도시',
    columnItems: '프로그램 항목',
    noCity: '—',
    edit: '편집',
    deleted: '삭제된 발표자',
    noDeleted: '삭제된 발표자가 없습니다.',
    deletedHelp: '발표자를 복원하면 원래 속해 있던 프로그램 항목에 다시 나타납니다.',
    restore: '복원'
  },
  form: {
    newTitle: '새 발표자',
    editTitle: (name: string) => `발표자 편집: ${name}`,
    create: '발표자 만들기',
    save: '저장',
    about: '발표자 정보',
    noCity: '도시 없음',
    cityHelp: '발표자가 참여하는 참가 도시가 있으면 고르십시오.',
    languagesHint: '언어 태그(BCP 47)를 쉼표로 구분해 입력하십시오. 예: ko, en, nl. 모르면 비워 두십시오.',
    presence: '참여 방식',
    presences: { on_site: '현장, 스튜디오에서', remote: '원격, 화상으로' },
    illustrative: '이 발표자는 실제 인물이 아닌 예시 항목입니다',
    publicLink: '공개 발표자 페이지 보기',
    history: '이 발표자의 변경 기록',
    itemsLine: (count: number) => `프로그램 항목 ${count}개에 참여합니다.`
  },
  fields: {
    name: '이름',
    jobTitle: '직함',
    organisation: '소속',
    bio: '약력',
    cityId: '도시',
    languages: '사용 언어',
    presence: '참여 방식',
    photoUrl: '사진',
    isIllustrative: '예시 항목'
  },
  photo: {
    heading: '사진',
    none: '아직 사진이 없습니다.',
    current: '공개 페이지에 보이는 현재 사진:',
    label: '사진 파일',
    hint: (megabytes: number) =>
      `${megabytes}MB 이하의 JPEG, PNG, WebP, AVIF 또는 GIF 이미지. 사진은 바로 세워지고, 최대 800 × 800 픽셀로 줄어들며, 메타데이터(카메라, 촬영 장소) 없이 WebP로 저장됩니다.`,
    upload: '사진 올리기',
    replace: '사진 바꾸기',
    remove: '사진 삭제',
    removeHelp: '삭제하면 공개 페이지에 이 발표자의 사진이 보이지 않습니다.',
    tooLarge: (megabytes: number) => `파일이 ${megabytes}MB보다 큽니다. 더 작은 이미지를 고르십시오.`
  },
  remove: {
    heading: '이 발표자 삭제',
    help: '발표자는 공개 페이지와 참여하던 프로그램 항목에서 사라지고, 이 회차의 삭제된 발표자 목록으로 옮겨집니다. 거기에서 프로그램 항목과 함께 복원할 수 있습니다.',
    confirm: '예, 이 발표자를 삭제합니다',
    submit: '발표자 삭제',
    unconfirmed: '이 발표자를 삭제하려면 확인란을 선택하십시오.'
  },
  notices: {
    created: '발표자를 만들었습니다.',
    saved: '변경 사항을 저장했습니다.',
    photoSaved: '사진을 저장했습니다.',
    photoRemoved: '사진을 삭제했습니다.',
    deleted: '발표자를 삭제했습니다. 아래의 삭제된 발표자 목록에서 복원할 수 있습니다.',
    restored: '발표자를 복원했습니다.'
  },
  invalid: {
    text: (max: number) => `글이 너무 길거나 글이 아닙니다. 최대 ${max}자까지 입력하십시오.`,
    choice: '목록에서 고르십시오.',
    flag: '확인란을 선택하거나 비워 두십시오.',
    languages: (max: number) => `언어 태그는 최대 ${max}개까지 입력하십시오.`
  },
  errors: {
    'speaker.invalid_field': '값의 형식이 잘못되었거나 너무 깁니다.',
    'speaker.name_required': '이 회차의 기본 언어로 이름을 입력하십시오.',
    'speaker.unknown_city': '이 회차의 도시를 고르거나 도시 없음을 고르십시오.',
    'speaker.invalid_language': 'ko, en, pt-BR 같은 언어 태그를 쉼표로 구분해 입력하십시오.',
    'speaker.not_found': '이 회차에 그런 발표자가 없거나 그사이에 삭제되었습니다.',
    'speaker.photo_missing': '올릴 사진 파일을 고르십시오.',
    'speaker.conflict':
      '페이지를 연 뒤 다른 사람이 이 발표자를 바꾸어 아무것도 바뀌지 않았습니다. 지금의 페이지에서 다시 시도하십시오.',
    'photo.empty': '사진 파일이 비어 있습니다. 이미지를 다시 고르십시오.',
    'photo.not_an_image': '읽을 수 있는 이미지 파일이 아닙니다. JPEG, PNG, WebP, AVIF 또는 GIF 사진을 올리십시오.',
    'photo.unsupported_type':
      '이 종류의 이미지(SVG, TIFF, HEIC 등)는 사진으로 쓸 수 없습니다. JPEG, PNG, WebP, AVIF 또는 GIF 사진을 올리십시오.',
    'photo.too_many_pixels': '사진의 픽셀이 너무 많아 처리할 수 없습니다. 더 작은 이미지를 올리십시오.'
  }
};
