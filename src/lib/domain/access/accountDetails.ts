/**
 * What an account's details must look like, checked all at once so a form
 * can show every problem beside its field in one go.
 */
import { checkNewPassword } from './password.js';
import type { AccessErrorCode } from './accessError.js';

export const emailMaxLength = 254;
export const displayNameMaxLength = 100;

export type AccountField = 'email' | 'displayName' | 'password';
export type FieldProblems = Partial<Record<AccountField, AccessErrorCode>>;

// Deliberately loose (RFC 5322 allows far more than anyone types); the mail
// that follows proves the address. No spaces, one @, a dot in the domain.
const emailPattern = /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\.]+$/u;
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/u;

export function normaliseEmail(email: string): string {
  return email.trim();
}

export function checkEmail(email: string): AccessErrorCode | null {
  const trimmed = normaliseEmail(email);
  return trimmed.length <= emailMaxLength && emailPattern.test(trimmed) ? null : 'email.invalid';
}

export function checkDisplayName(name: string): AccessErrorCode | null {
  const trimmed = name.trim();
  const length = [...trimmed].length;
  return length >= 1 && length <= displayNameMaxLength && !controlCharacters.test(trimmed)
    ? null
    : 'display_name.invalid';
}

/** The problems with the details given (only the fields present are checked). */
export function checkAccountDetails(details: {
  email?: string;
  displayName?: string;
  password?: string;
}): FieldProblems {
  const problems: FieldProblems = {};
  const email = details.email === undefined ? null : checkEmail(details.email);
  const displayName = details.displayName === undefined ? null : checkDisplayName(details.displayName);
  const password = details.password === undefined ? null : checkNewPassword(details.password);
  if (email) problems.email = email;
  if (displayName) problems.displayName = displayName;
  if (password) problems.password = password;
  return problems;
}
