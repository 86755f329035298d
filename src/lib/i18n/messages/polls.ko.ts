/** 투표(설문) 한국어 메시지: 콘솔의 투표 화면, 공개 투표 패널, 결과. */
import type { PollsMessages } from './polls.en.js';

export const pollsKo: PollsMessages = {
  console: {
    link: '투표',
    moderateLink: '투표 진행하기',
    title: (session) => `투표: ${session}`,
    intro:
      '이 세션의 참여자에게 질문하세요. 투표는 한 번에 하나만 열 수 있습니다. 투표를 열면 지금 열려 있는 투표는 닫힙니다.',
    none: '아직 투표가 없습니다.',
    listHeading: '이 세션의 투표',
    newHeading: '새 투표',
    editTitle: (question) => `투표 편집: ${question}`,
    editHeading: '질문과 선택지',
    create: '투표 만들기',
    save: '투표 저장',
    edit: '편집',
    open: '투표 열기',
    reopen: '투표 다시 열기',
    close: '투표 닫기',
    openHelp: '투표를 열면 지금 열려 있는 투표가 있을 경우 그 투표는 닫힙니다.',
    deleteHeading: '이 초안 삭제',
    deleteConfirm: '네, 이 초안을 삭제합니다',
    delete: '초안 삭제',
    backToSession: '세션으로 돌아가기',
    backToPolls: '투표 목록으로 돌아가기',
    notEditable: '이미 연 투표이므로 질문과 선택지는 물어본 그대로 둡니다.',
    state: { draft: '초안', open: '진행 중', closed: '마감' },
    kindLine: { single: '하나 선택', multiple: '여러 개 선택' },
    upTo: (n) => `최대 ${n}개`,
    noResultsYet: '투표를 열면 결과가 나타납니다.',
    history: '투표 변경 기록',
    notices: {
      created: '투표를 초안으로 만들었습니다.',
      saved: '투표를 저장했습니다.',
      opened: '투표를 열었습니다. 이제 참여자가 답할 수 있습니다.',
      closed: '투표를 닫았습니다. 모두가 결과를 볼 수 있습니다.',
      deleted: '초안을 삭제했습니다.'
    }
  },
  form: {
    question: '질문',
    option: (n) => `선택지 ${n}`,
    optionsHeading: '선택지',
    optionsHint: '선택지는 2개에서 10개까지이며 참여자에게 이 순서대로 보입니다. 필요 없는 칸은 비워 두세요.',
    kind: '답하는 방식',
    kinds: { single: '하나만 선택', multiple: '여러 개 선택' },
    maxChoices: '한 사람이 고를 수 있는 최대 개수',
    maxChoicesHint: '여러 개 선택일 때만 씁니다. 비워 두면 모든 선택지를 고를 수 있습니다.'
  },
  fields: {
    question: '질문',
    options: '선택지',
    kind: '답하는 방식',
    maxChoices: '최대 선택 개수',
    state: '상태'
  },
  audit: {
    recordType: '투표',
    actions: { create: '만듦', update: '바꿈', delete: '삭제함', opened: '엶', closed: '닫음' },
    what: (action, question) => `${action}: 투표 “${question}”`
  },
  results: {
    chartLabel: (question) => `“${question}” 결과 막대그래프`,
    caption: (question, ballots) => `“${question}” 결과: ${ballots}`,
    ballots: (n) => `${n.toLocaleString('ko')}명 참여`,
    votes: (n) => `${n.toLocaleString('ko')}표`,
    percent: (n) => `${n}%`,
    columnOption: '선택지',
    columnVotes: '표 수',
    columnShare: '참여자 중 비율',
    severalNote: '여러 개를 고를 수 있는 투표라서 비율의 합이 100%를 넘습니다.'
  },
  panel: {
    none: '지금 열린 투표가 없습니다.',
    chooseOne: '답을 하나 고르세요.',
    chooseUpTo: (n) => `답을 ${n}개까지 고르세요.`,
    chooseAny: '답을 하나 이상 고르세요.',
    submit: '답 보내기',
    change: '답 바꾸기',
    thanks: '고맙습니다. 답을 보냈습니다.',
    answered: '답이 반영되었습니다. 투표가 열려 있는 동안에는 답을 바꿀 수 있습니다.',
    closed: '마감된 투표입니다.',
    resultsAfterAnswer: '답하면 결과를 볼 수 있습니다.',
    announceOpened: '투표가 열렸습니다.',
    announceClosed: '투표가 마감되어 결과를 보여 줍니다.'
  },
  errors: {
    'poll.not_found': '이 투표는 없거나 삭제되었습니다. 페이지를 새로 고쳐 현재 투표를 확인하세요.',
    'poll.invalid_field': '이 칸의 형식이 맞지 않습니다. 확인하고 다시 시도하세요.',
    'poll.question_required': '회차의 기본 언어로 질문을 입력하세요.',
    'poll.option_required': '이 선택지를 회차의 기본 언어로도 입력하거나, 모든 언어에서 비워 두세요.',
    'poll.too_few_options': '선택지를 2개 이상 입력하세요.',
    'poll.too_many_options': '선택지는 10개까지입니다.',
    'poll.max_choices_invalid': '2부터 선택지 개수까지의 숫자를 입력하거나 비워 두세요.',
    'poll.not_draft': '초안만 편집하거나 삭제할 수 있는데, 이 투표는 이미 열렸습니다. 아무것도 바꾸지 않았습니다.',
    'poll.invalid_transition':
      '투표가 이 작업을 할 수 없는 상태입니다(그사이 누군가 열거나 닫았을 수 있습니다). 아무것도 바꾸지 않았습니다.',
    'poll.conflict':
      '페이지를 연 뒤 다른 사람이 이 투표를 바꾸어 아무것도 바꾸지 않았습니다. 지금 페이지에 현재 투표가 보입니다. 필요하면 다시 시도하세요.',
    'poll.invalid_version': '양식이 완전하지 않습니다(버전 정보가 없습니다). 페이지를 새로 고친 뒤 다시 시도하세요.',
    'poll.delete_unconfirmed': '초안을 삭제하려면 확인 상자에 표시하세요.',
    'poll.closed': '마감된 투표라서 더 이상 답을 받지 않습니다. 결과를 보여 드립니다.',
    'poll.no_choice': '보내기 전에 답을 고르세요.',
    'poll.unknown_option': '이 투표의 선택지가 아닙니다. 페이지를 새로 고친 뒤 다시 고르세요.',
    'poll.one_choice_only': '답은 하나만 고르세요.',
    'poll.too_many_choices': '이 투표에서 고를 수 있는 것보다 많이 골랐습니다.',
    'poll.invalid_answer': '답을 읽을 수 없습니다. 페이지를 새로 고친 뒤 다시 시도하세요.'
  }
};
