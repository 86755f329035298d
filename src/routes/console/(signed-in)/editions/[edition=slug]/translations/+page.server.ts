// The edition's missing translations, record by record, for its editors; `?missing=<locale>` narrows the list to one language.
import { translationGaps, gapCounts, type TranslationGap } from '$lib/domain/editing/translationGaps';
import { openEditorView } from '../programmeEditing.server';
import type { PageServerLoad } from './$types';

/** Where an organiser translates a record; null for records the console has no page for. */
function editPathOf(gap: TranslationGap, base: string): string | null {
  switch (gap.recordType) {
    case 'edition':
      return `${base}/settings`;
    case 'day':
      return `${base}/days`;
    case 'session':
      return `${base}/sessions/${gap.recordId}`;
    case 'programme_item':
      return `${base}/sessions/${gap.sessionId}/items/${gap.recordId}`;
    case 'speaker':
      return `${base}/speakers/${gap.recordId}`;
    case 'city':
      return `${base}/cities/${gap.recordId}`;
    case 'channel':
      return `${base}/channels/${gap.recordId}`;
    case 'stage':
      return null;
  }
}

export const load: PageServerLoad = async (event) => {
  const { programme } = await openEditorView(event);
  const { edition } = programme;
  const asked = event.url.searchParams.get('missing');
  const missingIn = asked !== null && edition.locales.includes(asked) ? asked : null;
  const gaps = translationGaps(programme);
  const base = `/console/editions/${edition.slug}`;
  const shown = gaps
    .map((gap) => ({ ...gap, fields: gap.fields.filter((f) => missingIn === null || f.missing.includes(missingIn)) }))
    .filter((gap) => gap.fields.length > 0)
    .map((gap) => ({ ...gap, editPath: editPathOf(gap, base) }));
  return {
    edition: {
      slug: edition.slug,
      title: edition.title,
      defaultLocale: edition.defaultLocale,
      locales: edition.locales
    },
    counts: gapCounts(gaps, edition.locales),
    missingIn,
    gaps: shown
  };
};
