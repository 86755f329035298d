/**
 * What an audit entry says: which fields changed from what to what. Computed
 * here so every record type describes its changes the same way.
 */
export const auditActions = [
  'create',
  'update',
  'delete',
  'restore',
  'publish',
  'unpublish',
  'move',
  'reorder',
  'import'
] as const;
export type AuditAction = (typeof auditActions)[number];

export type FieldChanges = Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;

export interface AuditEntry {
  readonly id: string;
  readonly occurredAt: Date;
  readonly accountId: string | null;
  /** The account's display name when the entry was read (null for the system, or an account that no longer exists). */
  readonly accountName: string | null;
  readonly editionId: string | null;
  readonly recordType: string;
  readonly recordId: string;
  readonly action: AuditAction;
  readonly changes: FieldChanges;
}

/** Fields of `after` whose value differs from `before` (deep, by JSON value; Dates by instant). */
export function changedFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>
): FieldChanges {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const from = normalise(before[key]);
    const to = normalise(after[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalise(v)])
    );
  }
  return value === undefined ? null : value;
}
