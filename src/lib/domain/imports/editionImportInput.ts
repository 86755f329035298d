/**
 * What the console's import form asks besides the file: the new edition's
 * slug, and for plain frab/pretalx files the zone and language the file may
 * not state. Checked here so the service gets plain values and the form gets
 * one problem per field (codes in docs/errors.md).
 */
import { isKnownZone } from '../time.js';
import type { FieldProblem } from '../editing/sessionInput.js';
import { localeTagPattern } from './madangExtension.js';
import { maxPrefixLength, recordIdPattern } from './recordIds.js';

export interface EditionImportValues {
  readonly slug: string;
  /** IANA zone for a plain file without `time_zone_name`; null to use the file's. */
  readonly zone: string | null;
  /** Language of a plain file's texts when its events do not say; null to guess from them. */
  readonly defaultLocale: string | null;
}

/**
 * First path segments the site itself uses: an edition there would hide the
 * page or be hidden by it (`/console`, `/accessibility`, the health checks).
 */
export const reservedSlugs: readonly string[] = [
  'console',
  'accessibility',
  'healthz',
  'metrics',
  'favicon',
  'static',
  'api'
];

/** Slugs become the prefix of every imported id, so they stay short enough for the ids after them. */
export const maxSlugLength = maxPrefixLength - 1;

export function readEditionImportInput(raw: {
  readonly slug: unknown;
  readonly zone: unknown;
  readonly defaultLocale: unknown;
}): { ok: true; values: EditionImportValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const slug = typeof raw.slug === 'string' ? raw.slug.trim() : '';
  if (
    slug.length > maxSlugLength ||
    !recordIdPattern.test(slug) ||
    slug.endsWith('-') ||
    reservedSlugs.includes(slug)
  ) {
    problems.push({ field: 'slug', code: 'import.slug_invalid' });
  }
  const zone = optionalText(raw.zone);
  if (zone === undefined || (zone !== null && (zone.length > 64 || !isKnownZone(zone)))) {
    problems.push({ field: 'zone', code: 'import.unknown_zone' });
  }
  const locale = optionalText(raw.defaultLocale);
  if (locale === undefined || (locale !== null && (locale.length > 35 || !localeTagPattern.test(locale)))) {
    problems.push({ field: 'defaultLocale', code: 'import.locale_invalid' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, values: { slug, zone: zone ?? null, defaultLocale: locale ?? null } };
}

/** Blank is null (not given); anything but text is undefined (refused). */
function optionalText(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? null : text;
}
