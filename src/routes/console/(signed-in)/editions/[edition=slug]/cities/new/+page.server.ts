// A new city, added at the end of the edition's list.
import { emptyCityForm } from '$lib/ui/console/places/formValues';
import { createAction, loadNew, cityPages } from '../../placesEditing.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ ...(await loadNew(cityPages, event)), values: emptyCityForm });

export const actions: Actions = {
  create: (event) => createAction(cityPages, event)
};
