import type { Locale } from '$lib/i18n/locale';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
      /** The viewer's chosen IANA zone, or null when not chosen. */
      viewerZone: string | null;
      requestId: string;
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}
export {};
