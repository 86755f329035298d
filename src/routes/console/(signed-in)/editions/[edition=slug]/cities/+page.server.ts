// The edition's cities for its editors: in their order with moves up and down, and the deleted ones to restore.
import { loadList, moveAction, restoreAction, cityPages } from '../placesEditing.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadList(cityPages, event);

export const actions: Actions = {
  move: (event) => moveAction(cityPages, event),
  restore: (event) => restoreAction(cityPages, event)
};
