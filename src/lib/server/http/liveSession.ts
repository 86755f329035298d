/**
 * The published session a live-stage request is about (fragment endpoints,
 * actions), from the `edition` and `session` URL segments; 404 otherwise.
 */
import { error } from '@sveltejs/kit';
import type { Programme, Session } from '../../domain/programme.js';
import { appContext } from '../context.js';

export async function liveSessionOf(params: {
  readonly edition: string;
  readonly session: string;
}): Promise<{ programme: Programme; session: Session }> {
  const programme = await appContext().programmes.publishedProgramme(params.edition);
  if (!programme) error(404, 'edition.not_found');
  const session = programme.sessions.find((s) => s.id === params.session);
  if (!session) error(404, 'session.not_found');
  return { programme, session };
}
