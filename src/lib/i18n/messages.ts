/**
 * Interface messages per locale. Plain typed objects: the compiler checks that
 * every locale has every key, and only the server renders them, so nothing
 * but the strings a page uses reaches the reader.
 */
import type { Locale } from './locale.js';
import { en, type Messages } from './messages/en.js';
import { ko } from './messages/ko.js';

const catalogue: Record<Locale, Messages> = { en, ko };

export function messagesFor(locale: Locale): Messages {
  return catalogue[locale];
}

export type { Messages };
