import { Ajv2020 } from 'ajv/dist/2020.js';
import { unplaced, type ErrorParams, type UnplacedError } from '../definitionError.ts';
import type { ResolvedForms } from '../resolveForms.ts';
import type { CheckContext } from './checkContext.ts';

// Strict: an unknown keyword in a form schema is almost always a YAML slip (an unquoted comma splitting a title).
const formAjv = new Ajv2020({
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allErrors: true,
  validateFormats: false,
});

// Compile outcomes by schema text. Compiling costs about a millisecond per form, and ajv would otherwise keep
// every compiled schema object in its cache for good: a slow leak in a server that reloads definitions.
const compiled = new Map<string, string | undefined>();
const MAX_COMPILED = 1000;

function compileError(schema: object): string | undefined {
  const key = JSON.stringify(schema);
  if (compiled.has(key)) return compiled.get(key);
  let result: string | undefined;
  try {
    formAjv.compile(schema);
  } catch (error) {
    result = error instanceof Error ? error.message : String(error);
  } finally {
    formAjv.removeSchema(schema);
  }
  if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, result);
  return result;
}

const escapeSegment = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** JSON pointer (relative to `schema`) of the first key named `name`, searched breadth-first. */
function findKey(schema: unknown, name: string): string | undefined {
  const queue: Array<{ value: unknown; path: string }> = [{ value: schema, path: '' }];
  while (queue.length > 0) {
    const { value, path } = queue.shift()!;
    if (value === null || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}/${escapeSegment(key)}`;
      if (key === name) return childPath;
      queue.push({ value: child, path: childPath });
    }
  }
  return undefined;
}

function valueAt(schema: unknown, pointer: string): unknown {
  let value = schema;
  for (const segment of pointer.split('/').slice(1)) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')]
        : undefined;
  }
  return value;
}

/**
 * Reads ajv's compile error: which part of the form schema is wrong (a pointer relative to the schema)
 * and, for the slips drafters make, a `problem` that the message names in their language.
 */
function describe(message: string, schema: object): { params: ErrorParams; pointer: string; atKey: boolean } {
  const unknown = /^strict mode: unknown keyword: "(.*)"$/.exec(message);
  if (unknown?.[1] !== undefined) {
    const keyword = unknown[1];
    const pointer = findKey(schema, keyword);
    return {
      params: { detail: message, problem: 'unknownKeyword', keyword },
      pointer: pointer ?? '',
      atKey: pointer !== undefined,
    };
  }
  // "schema is invalid: data/properties/nama/type must be …, data/properties/nama/type must be array, …": the first one says it.
  const invalid = /^schema is invalid: data(\S*) (.*?)(?:, data\S* |$)/.exec(message);
  if (invalid?.[1] !== undefined && invalid[2] !== undefined) {
    const pointer = invalid[1];
    const detail = `${pointer.slice(1) || 'schema'} ${invalid[2]}`;
    if (pointer.endsWith('/type') && invalid[2].startsWith('must be equal to one of the allowed values')) {
      return { params: { detail, problem: 'badType', value: String(valueAt(schema, pointer)) }, pointer, atKey: false };
    }
    return { params: { detail }, pointer, atKey: false };
  }
  return { params: { detail: message }, pointer: '', atKey: false };
}

/** Each form's schema must itself be a valid JSON Schema, or the runtime form could not be rendered. */
export function checkFormSchemas({ sop }: CheckContext, forms: ResolvedForms): UnplacedError[] {
  const errors: UnplacedError[] = [];
  const report = (schema: object, base: string): void => {
    const message = compileError(schema);
    if (message === undefined) return;
    const { params, pointer, atKey } = describe(message, schema);
    errors.push(unplaced('INVALID_FORM_SCHEMA', `${base}${pointer}`, params, atKey));
  };
  report(forms.caseData.schema, '/caseData/schema');
  const reportedForms = new Set<string>();
  sop.steps.forEach((step, index) => {
    const form = forms.steps.get(step.id);
    if (!form || !step.form) return;
    // A named form is written (and reported) once under `forms`, however many steps use it.
    const ref = '$ref' in step.form ? step.form.$ref : undefined;
    const named = ref?.startsWith('#/forms/') ? (sop.forms ?? []).findIndex((f) => `#/forms/${f.id}` === ref) : -1;
    const base =
      named >= 0
        ? `/forms/${named}/schema`
        : ref !== undefined
          ? `/steps/${index}/form`
          : `/steps/${index}/form/schema`;
    if (reportedForms.has(base)) return;
    reportedForms.add(base);
    // A fragment's schema is pointed at by the `$ref`, not inside the regency file.
    if (ref !== undefined && named < 0) {
      const message = compileError(form.schema);
      if (message !== undefined)
        errors.push(unplaced('INVALID_FORM_SCHEMA', `${base}/$ref`, describe(message, form.schema).params));
      return;
    }
    report(form.schema, base);
  });
  return errors;
}
