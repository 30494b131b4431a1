import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

// Rows leave engine/storage decoded, once, at this edge (issue 13): a column renamed or retyped by a migration
// fails here, naming the query and the column, instead of travelling on as `undefined` into a service.
// Each decoder compiles its check once, when its module loads: these run on every request.

/** A query's rows do not match the shape the code declares for them: a bug, so answered 500 and logged. */
export class RowDecodeError extends Error {
  readonly code = 'ROW_UNDECODABLE';
  constructor(
    /** The table or query, as its decoder names it. */
    readonly query: string,
    /** Where in the result: `/<row index>/<column>`. */
    readonly path: string,
    /** What was expected there (never the value: rows hold personal data). */
    readonly problem: string,
  ) {
    super(`Rows of ${query} do not match their declared columns at ${path}: ${problem}`);
    this.name = 'RowDecodeError';
  }
}

/** The checked reader of one query's rows. */
export interface RowDecoder<Row> {
  /** The table or query the rows come from (named in a RowDecodeError). */
  readonly query: string;
  /** Every row of a result, checked. */
  rows(result: unknown): Row[];
  /** The row a `.first()` found, checked, or undefined when there was none. */
  first(result: unknown): Row | undefined;
  /** The row that must be there (a read-back or an `insert … returning` of one row). */
  one(result: unknown): Row;
}

/** A decoder for the rows of `query`, whose check against `schema` is compiled now, once. */
export function rowDecoder<S extends TSchema>(query: string, schema: S): RowDecoder<Static<S>> {
  const check = TypeCompiler.Compile(schema);
  const failure = (value: unknown, at: string): RowDecodeError => {
    const first = check.Errors(value).First();
    return new RowDecodeError(query, `${at}${first?.path ?? ''}`, first?.message ?? 'does not match');
  };
  const row = (value: unknown, at: string): Static<S> => {
    if (check.Check(value)) return value;
    throw failure(value, at);
  };
  return {
    query,
    rows(result) {
      if (!Array.isArray(result)) throw new RowDecodeError(query, '', 'Expected a list of rows');
      if (result.every((value: unknown): value is Static<S> => check.Check(value))) return result;
      const index = result.findIndex((value: unknown) => !check.Check(value));
      throw failure(result[index], `/${index}`);
    },
    first(result) {
      return result === undefined ? undefined : row(result, '/0');
    },
    one(result) {
      if (result === undefined) throw new RowDecodeError(query, '/0', 'Expected a row');
      return row(result, '/0');
    },
  };
}
