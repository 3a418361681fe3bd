/** PostgreSQL SQLSTATE codes the repositories handle. */
export const sqlState = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
} as const;

/**
 * The SQLSTATE of a database error, looking through the wrappers drizzle and
 * the drivers put around it.
 */
export function readSqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
