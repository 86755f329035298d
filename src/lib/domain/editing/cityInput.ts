/**
 * A participating city as an organiser enters it: name and summary per
 * locale, its country (ISO 3166-1 alpha-2) and time zone (IANA), both
 * optional because a placeholder city may have neither yet. Checked here so
 * every edge (console form, import, API) applies the same rules.
 */
import { z } from 'zod';
import { isCountryCode } from '../countries.js';
import type { LocalizedText } from '../localizedText.js';
import { isKnownZone } from '../time.js';
import { localizedTextSchema, type FieldProblem } from './sessionInput.js';

/** Longest texts a city takes; the form sets `maxlength` from these and the messages name them. */
export const cityLimits = { name: 200, summary: 2000 } as const;

export const cityInputSchema = z.object({
  name: localizedTextSchema(cityLimits.name),
  summary: localizedTextSchema(cityLimits.summary),
  /** '' for not known. */
  country: z.string().max(16),
  /** '' for not known. */
  zone: z.string().max(64),
  isIllustrative: z.boolean()
});
export type CityInput = z.infer<typeof cityInputSchema>;

export interface CityValues {
  readonly name: LocalizedText;
  readonly summary: LocalizedText;
  readonly country: string | null;
  readonly zone: string | null;
  readonly isIllustrative: boolean;
}

/** Checks a parsed input against the edition; the country is taken in any case (`kr` is `KR`). */
export function resolveCity(
  input: CityInput,
  edition: { readonly defaultLocale: string }
): { ok: true; values: CityValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!input.name[edition.defaultLocale])
    problems.push({ field: `name.${edition.defaultLocale}`, code: 'city.name_required' });
  const country = input.country.trim().toUpperCase();
  if (country !== '' && !isCountryCode(country)) problems.push({ field: 'country', code: 'city.unknown_country' });
  const zone = input.zone.trim();
  if (zone !== '' && !isKnownZone(zone)) problems.push({ field: 'zone', code: 'city.unknown_zone' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: {
      name: input.name,
      summary: input.summary,
      country: country === '' ? null : country,
      zone: zone === '' ? null : zone,
      isIllustrative: input.isIllustrative
    }
  };
}
