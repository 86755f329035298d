// A new channel, added at the end of the edition's list.
import { emptyChannelForm } from '$lib/ui/console/places/formValues';
import { createAction, loadNew, channelPages } from '../../placesEditing.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  ...(await loadNew(channelPages, event)),
  values: emptyChannelForm
});

export const actions: Actions = {
  create: (event) => createAction(channelPages, event)
};
