/** 질의응답(Q&A) 한국어 메시지: 공개 질문 패널과 콘솔의 질문 관리 화면. */
import type { QuestionsMessages } from './questions.en.js';

export const questionsKo: QuestionsMessages = {
  panel: {
    title: '질문',
    askHeading: '질문하기',
    textLabel: '질문 내용',
    textHint: (max: number) => `${max}자까지 쓸 수 있습니다.`,
    nameLabel: '이름 (선택)',
    nameHint: (max: number) => `비워 두면 익명으로 질문합니다. ${max}자까지 쓸 수 있습니다.`,
    submit: '질문 보내기',
    premoderated: '질문은 진행자가 확인한 뒤에 이곳에 표시됩니다.',
    sortLabel: '정렬',
    sortSubmit: '보기',
    sort: { votes: '추천 많은 순', time: '최신순' },
    listLabel: (count: number) => `질문 ${count}개`,
    showingTop: (shown: number, total: number) => `질문 ${total}개 중 처음 ${shown}개를 보여 줍니다.`,
    none: '아직 질문이 없습니다. 첫 질문을 남겨 주세요.',
    anonymous: '익명',
    position: (index: number, count: number) => `질문 ${count}개 중 ${index}번째`,
    votes: (count: number) => `추천 ${count}`,
    upvote: '추천',
    upvoteLabel: (text: string) => `추천: ${text}`,
    pinned: '고정됨',
    answered: '답변 완료',
    yours: '내 질문',
    waiting: '진행자가 질문을 확인하고 있습니다.',
    yourPending: '진행자 확인을 기다리는 내 질문',
    announce: (count: number) => `질문 ${count}개`,
    notices: {
      asked: '질문을 보냈습니다.',
      askedPending: '질문을 보냈습니다. 진행자가 확인한 뒤에 표시됩니다.',
      voted: '추천했습니다.',
      withdrawn: '추천을 취소했습니다.'
    }
  },

  errors: {
    'question.invalid_field': '양식이 완전하지 않습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.',
    'question.text_required': '질문 내용을 먼저 써 주세요.',
    'question.text_too_long': '질문이 500자를 넘습니다. 줄여서 다시 보내 주세요.',
    'question.name_too_long': '이름이 60자를 넘습니다. 줄이거나, 비워 두고 익명으로 질문해 주세요.',
    'question.not_found': '이 질문은 더 이상 이 세션에 없습니다. 페이지를 새로 고쳐 주세요.',
    'question.not_votable': '지금은 이 질문을 추천할 수 없습니다. 진행자가 아직 표시하지 않았거나 숨긴 질문입니다.',
    'question.conflict':
      '보고 있는 사이에 다른 진행자가 이 질문을 바꿨습니다. 지금 상태를 확인한 뒤 다시 시도해 주세요.',
    'question.not_allowed_now':
      '지금 상태의 질문에는 할 수 없는 작업입니다. 페이지를 새로 고쳐 현재 상태를 확인해 주세요.',
    'question.merge_into_itself': '남길 질문을 다른 것으로 골라 주세요. 질문을 자기 자신에 합칠 수는 없습니다.',
    'question.merge_target_unavailable':
      '남길 질문은 표시 중이거나 확인을 기다리는 질문이어야 합니다. 다른 질문을 골라 주세요.',
    'question.settings_conflict':
      '그사이 다른 진행자가 사전 검토 설정을 바꿨습니다. 지금 설정을 확인한 뒤 다시 시도해 주세요.'
  },

  console: {
    liveParticipation: '실시간 참여',
    link: '질문 (관리)',
    title: (session: string) => `질문: ${session}`,
    intro:
      '이 세션 참여자들의 질문입니다. 승인하고, 숨기고, 중복 질문을 합치고, 답변 중인 질문을 고정하고, 답변한 질문을 표시하세요.',
    publicPage: '공개 세션 페이지 열기',
    premoderationHeading: '사전 검토',
    premoderationOn: '사전 검토가 켜져 있습니다. 새 질문은 진행자가 승인할 때까지 이곳에서 기다립니다.',
    premoderationOff: '사전 검토가 꺼져 있습니다. 새 질문이 바로 표시됩니다.',
    turnOn: '사전 검토 켜기',
    turnOff: '사전 검토 끄기',
    sortLabel: '정렬',
    sort: { votes: '추천순', time: '시간순' },
    sections: {
      pending: '확인 대기',
      visible: '표시 중',
      hidden: '숨김',
      merged: '합쳐진 중복 질문'
    },
    none: '없음.',
    anonymous: '익명',
    askedAt: (when: string) => `${when} 질문`,
    votes: (count: number) => `추천 ${count}`,
    pinned: '고정됨',
    answered: '답변 완료',
    mergedInto: (text: string) => `합쳐진 질문: ${text}`,
    actions: {
      approve: '승인',
      hide: '숨기기',
      unhide: '다시 표시',
      pin: '고정',
      unpin: '고정 해제',
      answer: '답변 완료로 표시',
      unanswer: '답변 안 함으로 표시'
    },
    actionLabel: (action: string, text: string) => `${action}: ${text}`,
    mergeLabel: '중복 대상',
    mergeChoose: '남길 질문을 고르세요',
    merge: '합치기',
    notices: {
      approve: '질문을 승인했습니다. 이제 표시됩니다.',
      hide: '질문을 숨겼습니다.',
      unhide: '질문을 다시 표시합니다.',
      pin: '질문을 고정했습니다. 맨 위에 표시됩니다.',
      unpin: '질문 고정을 해제했습니다.',
      answer: '질문을 답변 완료로 표시했습니다.',
      unanswer: '질문을 답변 안 함으로 표시했습니다.',
      merge: '중복 질문을 합쳤습니다. 추천은 남긴 질문에 더해집니다.',
      premoderationOn: '사전 검토를 켰습니다.',
      premoderationOff: '사전 검토를 껐습니다.'
    },
    history: '관리 기록',
    historyQuestion: (text: string) => `질문 “${text}”`,
    historySettings: '사전 검토',
    historyRemoved: '더 이상 목록에 없는 질문',
    historyFormerAccount: '삭제된 계정',
    changes: {
      status: (state: string) => `상태: ${state}`,
      pinned: '고정함',
      unpinned: '고정 해제함',
      answered: '답변 완료로 표시함',
      unanswered: '답변 안 함으로 표시함',
      premoderationOn: '켬',
      premoderationOff: '끔'
    },
    nowState: (state: string) => `현재 상태: ${state}.`,
    status: { pending: '확인 대기', visible: '표시 중', hidden: '숨김', merged: '합쳐짐' }
  }
};
