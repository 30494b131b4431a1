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
import { fieldErrorMessage, type FieldError, type FormLanguage } from '../../engine/core/formErrorMessages.ts';
import { nikAgreementErrors } from '../../engine/core/identity/nikAgreement.ts';

type FormData = Record<string, unknown>;

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

function toPointer(instanceLocation: string): string {
  return instanceLocation.replace(/^#/, '');
}

/** A @cfworker/json-schema error as the shared, validator-independent field error. */
export function fieldErrorFromUnit(unit: OutputUnit, schema: RJSFSchema): FieldError {
  const value = pointerValue(schema, unit.keywordLocation);
  if (unit.keyword === 'required') {
    const missing = /"([^"]+)"/.exec(unit.error)?.[1] ?? '';
    return { keyword: 'required', path: `${toPointer(unit.instanceLocation)}/${missing}` };
  }
  return { keyword: unit.keyword, path: toPointer(unit.instanceLocation), value };
}

function toRjsfError(unit: OutputUnit, schema: RJSFSchema, language: FormLanguage): RJSFValidationError {
  return fieldToRjsf(fieldErrorFromUnit(unit, schema), unit.keywordLocation, language);
}

function fieldToRjsf(field: FieldError, schemaPath: string, language: FormLanguage): RJSFValidationError {
  const unit = { keyword: field.keyword, keywordLocation: schemaPath };
  const segments = field.path.split('/').filter(Boolean);
  const property = segments.length === 0 ? '' : `.${segments.join('.')}`;
  const params: Record<string, unknown> = { [unit.keyword]: field.value };
  if (unit.keyword === 'required') params.missingProperty = segments.at(-1) ?? '';
  const message = fieldErrorMessage(field, language);
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
 * which the strict Content-Security-Policy (script-src 'self') forbids. Messages come from the shared
 * wording in engine/core/formErrorMessages.ts, so they read as the server's, in Indonesian or English.
 */
export function createNoEvalValidator(language: FormLanguage): ValidatorType<FormData, RJSFSchema> {
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
      // A NIK that disagrees with the same person's birth date or sex: the server's check, said the same way.
      for (const field of nikAgreementErrors(formData ?? {})) errors.push(fieldToRjsf(field, 'nik', language));
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
