import { Validator as SchemaValidator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import {
  createErrorHandler,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';

type FormData = Record<string, unknown>;
type Language = 'id' | 'en';

const MESSAGES: Record<Language, Record<string, (value: unknown) => string>> = {
  id: {
    required: () => 'wajib diisi',
    pattern: () => 'tidak sesuai format yang diminta',
    format: (v) => (v === 'date' ? 'harus berupa tanggal yang sah' : `harus berformat ${String(v)}`),
    minLength: (v) => `paling sedikit ${String(v)} karakter`,
    maxLength: (v) => `paling banyak ${String(v)} karakter`,
    minimum: (v) => `paling kecil ${String(v)}`,
    maximum: (v) => `paling besar ${String(v)}`,
    minItems: (v) => `paling sedikit ${String(v)} butir`,
    type: (v) =>
      `harus berupa ${({ string: 'teks', number: 'angka', integer: 'bilangan bulat', boolean: 'ya/tidak', array: 'daftar', object: 'isian' } as Record<string, string>)[String(v)] ?? String(v)}`,
    enum: () => 'harus salah satu pilihan yang tersedia',
    const: () => 'nilainya tidak sesuai',
  },
  en: {
    required: () => 'is required',
    pattern: () => 'does not match the required format',
    format: (v) => `must be a valid ${String(v)}`,
    minLength: (v) => `must have at least ${String(v)} characters`,
    maxLength: (v) => `must have at most ${String(v)} characters`,
    minimum: (v) => `must be at least ${String(v)}`,
    maximum: (v) => `must be at most ${String(v)}`,
    minItems: (v) => `must have at least ${String(v)} items`,
    type: (v) => `must be ${String(v)}`,
    enum: () => 'must be one of the allowed values',
    const: () => 'has the wrong value',
  },
};

// Keywords that only summarise errors reported again, more precisely, by their children.
const SUMMARY_KEYWORDS = new Set([
  'properties',
  'items',
  'allOf',
  'anyOf',
  'oneOf',
  'if',
  'then',
  'else',
  '$ref',
  'prefixItems',
  'unevaluatedProperties',
  'contains',
]);

function pointerValue(schema: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      schema,
    );
}

function toProperty(instanceLocation: string): string {
  const parts = instanceLocation.replace(/^#\/?/, '').split('/').filter(Boolean);
  return parts.length === 0 ? '' : `.${parts.join('.')}`;
}

function toRjsfError(unit: OutputUnit, schema: RJSFSchema, language: Language): RJSFValidationError {
  const keywordValue = pointerValue(schema, unit.keywordLocation);
  let property = toProperty(unit.instanceLocation);
  const params: Record<string, unknown> = { [unit.keyword]: keywordValue };
  if (unit.keyword === 'required') {
    const missing = /"([^"]+)"/.exec(unit.error)?.[1] ?? '';
    property = `${property}.${missing}`;
    params.missingProperty = missing;
  }
  const message = (MESSAGES[language][unit.keyword] ?? (() => unit.error))(keywordValue);
  return {
    name: unit.keyword,
    property,
    message,
    params,
    stack: `${property} ${message}`.trim(),
    schemaPath: unit.keywordLocation,
  };
}

/**
 * A react-jsonschema-form validator that needs no `eval`: the ajv-based one compiles code at run time,
 * which the strict Content-Security-Policy (script-src 'self') forbids. Messages are Indonesian or English.
 */
export function createNoEvalValidator(language: Language): ValidatorType<FormData, RJSFSchema> {
  const cache = new WeakMap<object, SchemaValidator>();
  const validatorFor = (schema: RJSFSchema): SchemaValidator => {
    let v = cache.get(schema);
    if (!v) {
      v = new SchemaValidator(schema as Schema, '2020-12', false);
      cache.set(schema, v);
    }
    return v;
  };
  const rawErrors = (schema: RJSFSchema, formData: unknown): OutputUnit[] =>
    validatorFor(schema)
      .validate(formData ?? {})
      .errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword));
  return {
    validateFormData(
      formData: FormData | undefined,
      schema: RJSFSchema,
      customValidate?: CustomValidator<FormData>,
      transformErrors?: ErrorTransformer<FormData>,
      uiSchema?: UiSchema<FormData>,
    ): ValidationData<FormData> {
      let errors = rawErrors(schema, formData).map((e) => toRjsfError(e, schema, language));
      if (transformErrors) errors = transformErrors(errors, uiSchema);
      const result: ValidationData<FormData> = { errors, errorSchema: toErrorSchema<FormData>(errors) };
      if (!customValidate) return result;
      const handler = customValidate(formData, createErrorHandler<FormData>(formData ?? {}), uiSchema);
      return validationDataMerge(result, unwrapErrorHandler<FormData>(handler));
    },
    isValid(schema: RJSFSchema, formData: FormData | undefined, rootSchema: RJSFSchema): boolean {
      const withDefs = rootSchema.$defs && !schema.$defs ? { ...schema, $defs: rootSchema.$defs } : schema;
      return rawErrors(withDefs, formData).length === 0;
    },
    rawValidation<Result = unknown>(
      schema: RJSFSchema,
      formData?: FormData,
    ): { errors?: Result[]; validationError?: Error } {
      return { errors: rawErrors(schema, formData) as unknown as Result[] };
    },
  };
}
