import { describe, expect, it } from 'vitest';
import { AccessError, InvalidInputError, isAccessError, isInvalidInput } from './accessError.js';

describe('access errors', () => {
  it('are recognised by shape, so a copy of the class from another bundle still counts', () => {
    const foreign = Object.assign(new Error('auth.locked'), {
      name: 'AccessError',
      code: 'auth.locked',
      retryAt: null
    });
    expect(isAccessError(foreign)).toBe(true);
    expect(isAccessError(new AccessError('auth.forbidden'))).toBe(true);
    expect(isAccessError(Object.assign(new Error('x'), { name: 'AccessError', code: 'no.such_code' }))).toBe(false);
    expect(isAccessError(new Error('auth.locked'))).toBe(false);
    expect(isAccessError('auth.locked')).toBe(false);
  });

  it('carry every field problem, with the first as the code', () => {
    const error = new InvalidInputError({ email: 'email.invalid', password: 'password.too_short' });
    expect(error.code).toBe('email.invalid');
    expect(isInvalidInput(error)).toBe(true);
    expect(isInvalidInput(new AccessError('email.invalid'))).toBe(false);
  });
});
