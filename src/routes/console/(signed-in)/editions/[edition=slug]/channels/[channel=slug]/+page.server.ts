// One channel for its editors: its form, deleting it, and its audit log.
import { deleteAction, loadRecord, saveAction, channelPages } from '../../placesEditing.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadRecord(channelPages, event, event.params.channel);

export const actions: Actions = {
  save: (event) => saveAction(channelPages, event, event.params.channel),
  delete: (event) => deleteAction(channelPages, event, event.params.channel)
};
