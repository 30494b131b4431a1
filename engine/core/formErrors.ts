import type { ErrorObject } from 'ajv';
import { fieldErrorMessage, fieldTitle, type FieldError } from './formErrorMessages.ts';

/** The ajv params holding each keyword's schema value. */
const VALUE_PARAM: Record<string, string> = {
  minLength: 'limit',
  maxLength: 'limit',
  minimum: 'limit',
  maximum: 'limit',
  exclusiveMinimum: 'limit',
  exclusiveMaximum: 'limit',
  minItems: 'limit',
  maxItems: 'limit',
  multipleOf: 'multipleOf',
  format: 'format',
  type: 'type',
  pattern: 'pattern',
  enum: 'allowedValues',
  const: 'allowedValue',
};

/** An ajv error as the shared, validator-independent field error. */
export function fieldErrorFromAjv(error: ErrorObject): FieldError {
  const params: Record<string, unknown> = error.params;
  if (error.keyword === 'required')
    return { keyword: 'required', path: `${error.instancePath}/${String(params.missingProperty)}` };
  const name = VALUE_PARAM[error.keyword];
  return { keyword: error.keyword, path: error.instancePath, ...(name ? { value: params[name] } : {}) };
}

/** Turns ajv form errors into field paths with Indonesian messages naming the field by its title. */
export function formErrorsToDetails(
  errors: ErrorObject[] | null | undefined,
  schema: object,
): Array<{ path: string; message: string }> {
  return (errors ?? []).map((e) => {
    const field = fieldErrorFromAjv(e);
    return { path: field.path, message: `${fieldTitle(schema, field.path)}: ${fieldErrorMessage(field, 'id')}` };
  });
}
