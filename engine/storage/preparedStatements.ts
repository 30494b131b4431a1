import { createHash } from 'node:crypto';

/**
 * At most this many statements are kept prepared per connection. Beyond it statements still run,
 * only unnamed (parsed and planned each time), so an unusual mix of queries cannot grow the server's
 * memory without bound.
 */
export const MAX_PREPARED_PER_CONNECTION = 300;

// Only plain data statements: DDL, transaction control and SET must never be prepared.
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

const names = new Map<string, string>();

/** The statement name of a SQL text: the same text always gets the same name, in every process. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `alur_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    // The cache only saves hashing; clearing it now and then keeps it bounded.
    if (names.size >= 5000) names.clear();
    names.set(sql, name);
  }
  return name;
}

/**
 * The name to run `sql` under on a connection that has prepared the statements named in `prepared`,
 * or undefined when it should run unnamed (not a data statement, or the connection is full).
 */
export function preparedNameFor(sql: string, prepared: ReadonlySet<string>): string | undefined {
  if (!PREPARABLE.test(sql)) return undefined;
  const name = statementName(sql);
  if (!prepared.has(name) && prepared.size >= MAX_PREPARED_PER_CONNECTION) return undefined;
  return name;
}
