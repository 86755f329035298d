import type { Locale } from '$lib/i18n/locale';
import type { SignedInAccount } from '$lib/server/services/accountSessions';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
      /** The viewer's chosen IANA zone, or null when not chosen. */
      viewerZone: string | null;
      requestId: string;
      /** The signed-in account (from the `madang_session` cookie), or null. */
      account: SignedInAccount | null;
      session: { id: string; expiresAt: Date } | null;
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}
export {};
