// One city for its editors: its form, deleting it, and its audit log.
import { deleteAction, loadRecord, saveAction, cityPages } from '../../placesEditing.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadRecord(cityPages, event, event.params.city);

export const actions: Actions = {
  save: (event) => saveAction(cityPages, event, event.params.city),
  delete: (event) => deleteAction(cityPages, event, event.params.city)
};
