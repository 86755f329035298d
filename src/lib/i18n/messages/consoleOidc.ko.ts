/** 외부 OpenID Connect 서비스로 로그인하기(로그인 화면의 버튼과 거절 안내)의 한국어 문구. */
import type { ConsoleOidcMessages } from './consoleOidc.en.js';

export const consoleOidcKo: ConsoleOidcMessages = {
  signInWith: (name) => `${name}(으)로 로그인`,
  orPassword: '또는 마당 계정의 이메일 주소와 비밀번호로 로그인하세요.',
  errors: {
    'oidc.not_configured': () =>
      '이 사이트에는 다른 서비스를 통한 로그인이 설정되어 있지 않습니다. 이메일 주소와 비밀번호로 로그인하세요.',
    'oidc.issuer_refused': (name) =>
      `${name}에서 로그인이 완료되지 않았습니다. 다시 시도하거나 비밀번호로 로그인하세요.`,
    'oidc.state_invalid': () =>
      '이 로그인은 이 브라우저에서 시작한 로그인과 일치하지 않습니다(다른 브라우저에서 시작했거나 주소가 바뀌었을 수 있습니다). 처음부터 다시 시도하세요.',
    'oidc.expired': () => '로그인이 10분 넘게 걸려 만료되었습니다. 처음부터 다시 시도하세요.',
    'oidc.exchange_failed': (name) =>
      `${name}의 응답을 확인할 수 없습니다. 처음부터 다시 시도하고, 계속 같은 문제가 생기면 운영진에게 알려 주세요.`,
    'oidc.unreachable': (name) =>
      `${name}이(가) 응답하지 않습니다. 몇 분 뒤에 다시 시도하거나 비밀번호로 로그인하세요.`,
    'oidc.email_unverified': (name) =>
      `${name}에서 인증된 이메일 주소를 확인해 주지 않아 마당 계정과 연결할 수 없습니다. 그곳에서 주소를 인증하거나 비밀번호로 로그인하세요.`,
    'oidc.no_account': () => '이 이메일 주소로 된 마당 계정이 없습니다. 운영진에게 초대를 요청하세요.',
    'oidc.linked_elsewhere': (name) =>
      `이 이메일 주소의 마당 계정은 이미 다른 ${name} 계정과 연결되어 있습니다. 비밀번호로 로그인하거나 관리자에게 문의하세요.`
  }
};
