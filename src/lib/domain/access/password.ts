/**
 * What a new password must be, after NIST SP 800-63B: long rather than
 * complicated (12 to 1,000 characters, any characters, spaces included), and
 * not one that appears at the top of breached-password lists. Passwords under
 * 12 characters are refused by length anyway, so the list only needs the
 * common ones that are long enough to slip through.
 */
export const passwordMinLength = 12;
export const passwordMaxLength = 1000;

export type PasswordProblem = 'password.too_short' | 'password.too_long' | 'password.too_common';

const commonPasswords = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '1234567890qwerty',
  '123123123123',
  '111111111111',
  '000000000000',
  '121212121212',
  '123qweasdzxc',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv',
  'qazwsxedcrfv',
  'qwertyuiopas',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwerty123456',
  'qwertyqwerty',
  'asdfghjkl123',
  'asdfasdfasdf',
  'zxcvbnm12345',
  'abcdefghijkl',
  'abcd12345678',
  'abc123abc123',
  'aaaaaaaaaaaa',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'password123!',
  'p@ssw0rd1234',
  'passw0rd1234',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'administrator',
  'administrator1',
  'changeme1234',
  'trustno1trustno1',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'superman1234',
  'starwars1234',
  'dragon123456',
  'monkey123456',
  'master123456',
  'qwer1234qwer',
  'loveyou12345',
  'iloveyou12345',
  'correcthorsebatterystaple',
  'correct horse battery staple',
  'q1w2e3r4t5y6',
  'madang123456',
  'seoul1234567'
]);

/** The problem with a proposed password, or null when it is acceptable. Length counts characters, not bytes. */
export function checkNewPassword(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordMinLength) return 'password.too_short';
  if (length > passwordMaxLength) return 'password.too_long';
  if (isCommon(password)) return 'password.too_common';
  return null;
}

function isCommon(password: string): boolean {
  const folded = password.normalize('NFKC').toLowerCase();
  if (commonPasswords.has(folded)) return true;
  // One character repeated, or the same short run over and over ("abcabcabcabc").
  for (let period = 1; period <= 4; period++) {
    const unit = folded.slice(0, period);
    if (folded.length % period === 0 && unit.repeat(folded.length / period) === folded) return true;
  }
  return false;
}
