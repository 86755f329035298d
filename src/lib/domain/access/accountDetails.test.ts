import { describe, expect, it } from 'vitest';
import { checkAccountDetails, checkDisplayName, checkEmail } from './accountDetails.js';

describe('account details', () => {
  it('accepts ordinary addresses, trimmed, in any script', () => {
    expect(checkEmail('ada@example.org')).toBeNull();
    expect(checkEmail('  ada.lovelace+forum@mail.example.co.kr ')).toBeNull();
    expect(checkEmail('마당@예시.한국')).toBeNull();
  });

  it('refuses what cannot be an address', () => {
    for (const bad of [
      '',
      'ada',
      'ada@',
      '@example.org',
      'ada@example',
      'a da@example.org',
      'ada@@example.org',
      `${'a'.repeat(250)}@example.org`
    ]) {
      expect(checkEmail(bad), bad).toBe('email.invalid');
    }
  });

  it('wants a display name of 1 to 100 characters without control characters', () => {
    expect(checkDisplayName('Park Ji-won')).toBeNull();
    expect(checkDisplayName('   ')).toBe('display_name.invalid');
    expect(checkDisplayName('x'.repeat(101))).toBe('display_name.invalid');
    expect(checkDisplayName('a\u0000b')).toBe('display_name.invalid');
  });

  it('reports every problem at once, by field', () => {
    expect(checkAccountDetails({ email: 'nope', displayName: '', password: 'short' })).toEqual({
      email: 'email.invalid',
      displayName: 'display_name.invalid',
      password: 'password.too_short'
    });
    expect(checkAccountDetails({ email: 'ada@example.org' })).toEqual({});
  });
});
