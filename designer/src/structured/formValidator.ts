import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { createNoEvalValidator } from '../../../ui-shared/forms/noEvalValidator.ts';

const base = createNoEvalValidator('id');

/**
 * The shared no-eval validator (the page's Content-Security-Policy forbids ajv's generated code) for the
 * structured editor. RJSF gives the `oneOf` options it compares a placeholder relative `$id`; the
 * interpreter would resolve `#/$defs/…` against that id and fail, so the id is dropped first.
 */
export const structuredValidator: ValidatorType<Record<string, unknown>, RJSFSchema> = {
  ...base,
  isValid: (schema, formData, rootSchema) => {
    const { $id: _id, ...withoutId } = schema;
    return base.isValid(withoutId, formData, rootSchema);
  },
};
