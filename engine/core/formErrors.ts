import type { ErrorObject } from 'ajv';
import localizeModule from 'ajv-i18n/localize/id/index.js';

const localizeId = localizeModule as unknown as (errors: ErrorObject[] | null | undefined) => void;

type FieldSchema = { title?: string; properties?: Record<string, FieldSchema> };

function fieldTitle(schema: FieldSchema, path: string): string {
  let node: FieldSchema | undefined = schema;
  for (const segment of path.split('/').filter(Boolean)) node = node?.properties?.[segment];
  return node?.title ?? path.split('/').pop() ?? '';
}

/** Turns ajv form errors into field paths with Indonesian messages naming the field by its title. */
export function formErrorsToDetails(
  errors: ErrorObject[] | null | undefined,
  schema: object,
): Array<{ path: string; message: string }> {
  const copy = (errors ?? []).map((e) => ({ ...e }));
  localizeId(copy);
  return copy.map((e) => {
    const path =
      e.keyword === 'required'
        ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}`
        : e.instancePath;
    const title = fieldTitle(schema, path);
    let message = e.message ?? 'tidak sah';
    if (e.keyword === 'pattern' && /\{16\}/.test(String((e.params as { pattern: string }).pattern)))
      message = 'harus terdiri dari 16 digit angka';
    if (e.keyword === 'required') message = 'wajib diisi';
    return { path, message: `${title}: ${message}` };
  });
}
