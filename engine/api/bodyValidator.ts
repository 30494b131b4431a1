import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import localizeModule from 'ajv-i18n/localize/id/index.js';
import type { ErrorObject } from 'ajv';
import { AppError } from '../app/appErrors.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const localizeId = localizeModule as unknown as (errors: ErrorObject[] | null | undefined) => void;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

function compile(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** The first way `value` breaks `schema` ("/path: message"), or undefined when it matches. For replies. */
export function schemaMismatch(schema: object, value: unknown): string | undefined {
  const validate = compile(schema);
  if (validate(value)) return undefined;
  const first = validate.errors?.[0];
  return `${first?.instancePath || '/'}: ${first?.message ?? 'tidak sah'} ${JSON.stringify(first?.params ?? {})}`;
}

/** Validates a request body against a route's JSON Schema; a failure lists every field with an Indonesian message. */
export function validateBody(schema: Record<string, unknown>, body: unknown, prefix = ''): void {
  const validate = compile(schema);
  if (validate(body)) return;
  const errors = (validate.errors ?? []).map((e) => ({ ...e }));
  localizeId(errors);
  const details = errors.map((e) => {
    const path =
      e.keyword === 'required'
        ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}`
        : e.keyword === 'additionalProperties'
          ? `${e.instancePath}/${String((e.params as { additionalProperty: string }).additionalProperty)}`
          : e.instancePath;
    return { path: `${prefix}${path}` || '/', message: e.message ?? 'tidak sah' };
  });
  throw new AppError('VALIDATION_FAILED', 'Data yang dikirim tidak lengkap atau tidak sah.', details[0]?.path, details);
}
