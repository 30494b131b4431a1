import { Type, type TSchema } from '@sinclair/typebox';

// Column shapes that recur across tables, for the row schemas of rowDecoder. The drivers differ on a few
// (node-postgres returns bigint and numeric as text, PGlite as numbers), so those accept both.

/** A `timestamptz` / `date` column: a Date from the driver, or text where the query casts it. */
export const Timestamp = Type.Union([Type.Date(), Type.String()]);

/** A `bigint` / `bigserial` column or a `count(*)`: text from node-postgres, a number from PGlite. */
export const BigNumber = Type.Union([Type.String(), Type.Number()]);

/** A column that may be SQL NULL. */
export function Nullable<T extends TSchema>(column: T) {
  return Type.Union([column, Type.Null()]);
}

/**
 * A `jsonb` object column, typed as the code reads it. Only its being an object is checked here: its inner
 * shape is the business of the loader that owns it (a definition, a regency's settings, a case state).
 */
export function JsonObject<T>() {
  return Type.Unsafe<T>(Type.Object({}));
}

/** A `jsonb` list column, typed as the code reads it (only its being a list is checked here). */
export function JsonList<T extends unknown[]>() {
  return Type.Unsafe<T>(Type.Array(Type.Unknown()));
}
