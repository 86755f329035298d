// A session as the public will see it, drafts included, for the edition's editors only.
import { appContext } from '$lib/server/context';
import { openEditorView } from '../../../programmeEditing.server';
import type { PageServerLoad } from './$types';
import { refuseOutcome } from '$lib/server/http/outcomes';

export const load: PageServerLoad = async (event) => {
  const { programme } = await openEditorView(event);
  const session = programme.sessions.find((s) => s.id === event.params.session);
  if (!session) refuseOutcome(event.locals.locale, 'not_found', 'session.not_found');
  return { programme, session, now: appContext().programmes.now() };
};
