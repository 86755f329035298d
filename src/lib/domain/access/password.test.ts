import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './password.js';

describe('new password rules', () => {
  it('accepts a long passphrase in any script, spaces included', () => {
    expect(checkNewPassword('orange kettle under the bridge')).toBeNull();
    expect(checkNewPassword('마당에 모인 이웃들이 함께 웃는다')).toBeNull();
  });

  it('refuses fewer than 12 characters, counting characters rather than bytes', () => {
    expect(checkNewPassword('short pass!')).toBe('password.too_short');
    expect(checkNewPassword('마당마당마당마당마당마')).toBe('password.too_short');
    expect(checkNewPassword('')).toBe('password.too_short');
  });

  it('refuses more than 1,000 characters', () => {
    expect(checkNewPassword('x'.repeat(999) + 'yz')).toBe('password.too_long');
    expect(checkNewPassword('xy'.repeat(500))).toBe('password.too_common');
  });

  it('refuses common and repetitive passwords whatever their case', () => {
    expect(checkNewPassword('Password1234')).toBe('password.too_common');
    expect(checkNewPassword('QWERTYUIOPAS')).toBe('password.too_common');
    expect(checkNewPassword('aaaaaaaaaaaaaaaa')).toBe('password.too_common');
    expect(checkNewPassword('abcabcabcabc')).toBe('password.too_common');
  });
});
