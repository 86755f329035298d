/** What every single-use link row has: the hash of its token, its expiry and when it was used. */
export interface LinkRecord {
  readonly id: string;
  readonly tokenHash: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export function toLinkRecord(row: {
  id: string;
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
}): LinkRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    expiresAt: new Date(row.expires_at),
    usedAt: row.used_at ? new Date(row.used_at) : null
  };
}
