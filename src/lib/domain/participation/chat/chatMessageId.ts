/** Chat message ids are positive whole numbers (a bigint identity), read as strings; anything else names no message. */
export function isChatMessageId(value: unknown): value is string {
  return typeof value === 'string' && /^[1-9][0-9]{0,17}$/.test(value);
}
