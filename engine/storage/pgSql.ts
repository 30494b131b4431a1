import type pg from 'pg';
import type { Sql, SqlValue } from './sql.ts';

const positional = new Map<string, string>();

/** A `?`-placeholder text in node-postgres's `$1…$n` form (converted once per text). */
export function toPositional(text: string): string {
  let converted = positional.get(text);
  if (converted === undefined) {
    let n = 0;
    converted = text.replace(/\?/g, () => `$${++n}`);
    // The texts are the code's own fixed statements: the map stays as small as the code.
    positional.set(text, converted);
  }
  return converted;
}

/** Who is told of each statement: when it is sent, and when its answer (or error) arrived. */
export interface StatementObserver {
  sent(text: string): void;
  answered(text: string): void;
}

/**
 * The Sql of one node-postgres connection (the server's request transaction). Statements go through
 * the connection's callback `query`, where the pool hooks (engine/storage/postgresClient.ts) name them
 * as prepared statements and watch for stale plans and demoted servers, exactly as for knex's queries.
 */
export function pgSql(connection: pg.Client, observe?: StatementObserver): Sql {
  return {
    rows<Row>(text: string, values: readonly SqlValue[]): Promise<Row[]> {
      observe?.sent(text);
      return new Promise((resolve, reject) => {
        connection.query(
          { text: toPositional(text), values: values as unknown[] },
          (error: Error | null, result: pg.QueryResult) => {
            observe?.answered(text);
            if (error) reject(error);
            else resolve(result.rows as Row[]);
          },
        );
      });
    },
  };
}
