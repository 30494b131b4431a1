import type { Knex } from 'knex';

/** PostgreSQL's unique_violation: the row is there already. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '23505';
}

/**
 * Inserts one row; false when a unique key already holds it (the caller words the conflict), any other
 * failure is thrown. On a transaction the violation still aborts it, as the plain insert did.
 */
export async function insertUnlessDuplicate(
  db: Knex,
  table: string,
  row: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  try {
    await db(table).insert(row);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
