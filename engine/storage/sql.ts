import type { Knex } from 'knex';

/** A value a statement binds. A string list binds as a PostgreSQL array: cast its placeholder (`?::text[]`). */
export type SqlValue = string | number | boolean | Date | null | readonly string[];

/**
 * Runs one parameterised statement (`?` placeholders; the text holds no other `?`) and returns its rows.
 * The request's hot statements are written against this, so the same code runs on node-postgres
 * directly (the server's request transaction) and through knex (PGlite, and routes still on knex).
 */
export interface Sql {
  rows<Row>(text: string, values: readonly SqlValue[]): Promise<Row[]>;
  /**
   * Present only on a transaction that can send writes together with its COMMIT (the server's direct
   * request transaction): queues `text` to run last, just before COMMIT. If it fails the COMMIT only
   * rolls back, so the caller learns of the failure when the transaction ends. `committed` gets the
   * statement's rows once the COMMIT succeeded.
   */
  atCommit?(text: string, values: readonly SqlValue[], committed?: (rows: unknown[]) => void): void;
}

/** A string list as a PostgreSQL array literal (`{"a","b"}`), for clients that bind plain strings only. */
export function pgArrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

const ofKnex = new WeakMap<Knex, Sql>();

/**
 * The Sql of a knex instance or transaction. The same transaction always gets the same object, so a
 * request's caches keyed by its Sql (the case read while authorising) hold across both ways in.
 */
export function sqlOf(db: Knex): Sql {
  let sql = ofKnex.get(db);
  if (!sql) {
    sql = {
      async rows<Row>(text: string, values: readonly SqlValue[]): Promise<Row[]> {
        // knex expands an array binding into a list of placeholders; a literal keeps it one array value.
        const bindings = values.map((v) => (Array.isArray(v) ? pgArrayLiteral(v) : (v as Knex.Value)));
        const result = (await db.raw(text, bindings)) as { rows: Row[] };
        return result.rows;
      },
    };
    ofKnex.set(db, sql);
  }
  return sql;
}
