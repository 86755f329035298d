/** Korean messages of the live stage on the session page (issue 4, foundation). */
import type { liveStageEn } from './liveStage.en.js';

export const liveStageKo: typeof liveStageEn = {
  title: '라이브 무대',
  playerTitle: '중계',
  playerPlaceholder: '중계가 시작되면 여기에 영상 플레이어가 나타납니다.',
  viewersLabel: '지금 시청 중',
  viewers: (count: number) => `${count}명 시청 중`,
  viewersUnknown: '시청자 수를 알 수 없습니다',
  panelsNavigation: '라이브 무대 패널',
  moderate: '이 세션 진행 관리',
  questionsTitle: '질문',
  questionsPlaceholder: '세션이 시작되면 질문을 받습니다.',
  pollTitle: '투표',
  pollPlaceholder: '진행자가 투표를 열면 여기에 나타납니다.',
  chatTitle: '채팅',
  chatPlaceholder: '세션이 시작되면 채팅이 열립니다.',
  tooFast: (seconds: number) => `너무 빠르게 보내고 있습니다. ${seconds}초 후에 다시 시도하세요.`,
  sendFailed: '전송되지 않았습니다. 연결을 확인하고 다시 시도하세요.'
};
