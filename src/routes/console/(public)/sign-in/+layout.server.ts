// The sign-in page and the OpenID Connect pages under it (whose refusals show the sign-in page) offer the issuer's button.
import { appContext } from '$lib/server/context';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async () => ({ oidcName: appContext().access.oidc?.name ?? null });
