/**
 * Where an import goes and how it reads a plain file: the target edition,
 * the id prefix and the defaults, checked like any other input (they come
 * from a form in the console) and resolved once so the builders get plain
 * values.
 */
import { z } from 'zod';
import type { PublicationState } from '../programme.js';
import { isKnownZone } from '../time.js';
import { formatPath, importError, type ImportError } from './importResult.js';
import { localeTagPattern } from './madangExtension.js';
import { defaultIdPrefix, maxPrefixLength, recordIdPattern } from './recordIds.js';

/** The edition the programme is imported into. */
export interface ImportTarget {
  readonly editionId: string;
  readonly slug: string;
  /** Defaults to the series in the file (Madang export) or `<idPrefix>series`. */
  readonly seriesId?: string;
  /** Defaults to the organisation in the file (Madang export) or `<idPrefix>organisation`. */
  readonly organisationId?: string;
  /**
   * Put before every imported record id, because ids are unique across
   * editions. Defaults to the edition slug and a dash; `''` keeps the
   * file's ids (Madang export) or the bare slugs (plain frab).
   */
  readonly idPrefix?: string;
  /** State of the new edition; `draft` unless told, so nothing goes public by surprise. */
  readonly state?: PublicationState;
}

export interface ImportOptions {
  /** Locale for texts whose language a plain frab file does not say. */
  readonly defaultLocale?: string;
  /** IANA zone to use when a plain frab file has no `time_zone_name`. */
  readonly zone?: string;
  /** The new edition's `updatedAt`; defaults to the current time. */
  readonly now?: Date;
}

export interface ResolvedTarget {
  readonly editionId: string;
  readonly slug: string;
  readonly seriesId: string | null;
  readonly organisationId: string | null;
  readonly idPrefix: string;
  readonly state: PublicationState;
  readonly defaultLocale: string | null;
  readonly zone: string | null;
  readonly now: Date;
}

const id = z.string().regex(recordIdPattern, 'must be lower-case letters, digits and dashes, at most 63 characters');

const targetSchema = z.object({
  editionId: id,
  slug: id,
  seriesId: id.optional(),
  organisationId: id.optional(),
  idPrefix: z
    .string()
    .max(maxPrefixLength, `must be at most ${maxPrefixLength} characters`)
    .regex(/^(?:[a-z0-9][a-z0-9-]*)?$/, 'must be lower-case letters, digits and dashes')
    .optional(),
  state: z.enum(['draft', 'published'], { error: 'must be "draft" or "published"' }).optional()
});

const optionsSchema = z.object({
  defaultLocale: z.string().max(35).regex(localeTagPattern, 'must be a language tag such as "en"').optional(),
  zone: z.string().refine(isKnownZone, 'must be an IANA time zone such as Europe/Berlin').optional(),
  now: z
    .date()
    .refine((d) => !Number.isNaN(d.getTime()), 'must be a valid date')
    .optional()
});

/** The target and options as plain values, or `import.bad_target` errors naming the field. */
export function resolveTarget(target: unknown, options: unknown): ResolvedTarget | ImportError[] {
  const parsedTarget = targetSchema.safeParse(target);
  const parsedOptions = optionsSchema.safeParse(options ?? {});
  const errors = [
    ...(parsedTarget.success ? [] : describe(parsedTarget.error, 'target')),
    ...(parsedOptions.success ? [] : describe(parsedOptions.error, 'options'))
  ];
  if (!parsedTarget.success || !parsedOptions.success) return errors;
  const t = parsedTarget.data;
  const o = parsedOptions.data;
  return {
    editionId: t.editionId,
    slug: t.slug,
    seriesId: t.seriesId ?? null,
    organisationId: t.organisationId ?? null,
    idPrefix: t.idPrefix ?? defaultIdPrefix(t.slug),
    state: t.state ?? 'draft',
    defaultLocale: o.defaultLocale ?? null,
    zone: o.zone ?? null,
    now: o.now ?? new Date()
  };
}

function describe(error: z.ZodError, name: string): ImportError[] {
  return error.issues.map((issue) => {
    const path = formatPath([name, ...issue.path]);
    const message = issue.code === 'invalid_type' ? `is missing or of the wrong type` : issue.message;
    return importError('import.bad_target', path, `The import's ${path} ${message}.`);
  });
}
