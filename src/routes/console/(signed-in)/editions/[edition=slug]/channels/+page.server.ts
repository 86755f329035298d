// The edition's channels for its editors: in their order with moves up and down, and the deleted ones to restore.
import { loadList, moveAction, restoreAction, channelPages } from '../placesEditing.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadList(channelPages, event);

export const actions: Actions = {
  move: (event) => moveAction(channelPages, event),
  restore: (event) => restoreAction(channelPages, event)
};
