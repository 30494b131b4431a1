import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox';

// Some replies carry values whose TypeScript type the engine already declares once (a case's tasks, a SOP
// definition, an issued document). Re-declaring them field by field here would make two declarations that
// drift; instead the contract takes the engine's type and an outline schema of the fields the apps rely on,
// which every test run checks each reply against (ALUR_CHECK_REPLIES).

/** A reply part typed by the engine's own declaration `T`, checked at run time against `outline`. */
export function engineShaped<T>(outline: TSchema): TUnsafe<T> {
  return Type.Unsafe<T>(outline);
}

/** `schema` or null (a column or field that may be empty). */
export function nullable<S extends TSchema>(schema: S) {
  return Type.Union([schema, Type.Null()]);
}
