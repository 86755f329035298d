import { describe, expect, it } from 'vitest';
import { safeNextPath } from './nextPath.js';

describe('where to go after signing in', () => {
  it('keeps console paths with their query', () => {
    expect(safeNextPath('/console')).toBe('/console');
    expect(safeNextPath('/console/people?lang=ko')).toBe('/console/people?lang=ko');
    expect(safeNextPath('/console/invitations/abc.123.def')).toBe('/console/invitations/abc.123.def');
  });

  it.each([
    null,
    '',
    'console',
    '/',
    '/seoul-2020',
    '/consoles',
    '//evil.example/console',
    '/\\evil.example/console',
    'https://evil.example/console',
    'javascript:alert(1)',
    '/console/../seoul-2020',
    '/console/%2e%2e/x\u0000',
    '/console/sign-in?next=/console',
    '/console/sign-out'
  ])('falls back to /console for %j', (next) => {
    expect(safeNextPath(next)).toBe('/console');
  });
});
