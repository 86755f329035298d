import { allZones } from '$lib/domain/time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ zones: allZones() });
