import type { ParamMatcher } from '@sveltejs/kit';

/** Edition, session and speaker ids in URLs: lowercase letters, digits and dashes. */
export const match: ParamMatcher = (param) => /^[a-z0-9][a-z0-9-]{0,62}$/.test(param);
