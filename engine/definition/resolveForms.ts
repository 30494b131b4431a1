import { unplaced, type UnplacedError } from './definitionError.ts';
import { withSuggestion } from './suggest.ts';
import type { DataSchema, RawFormBody, RawRegency, RawSop, ResolvedForm } from './sopTypes.ts';

/** The forms of an SOP with references and fragments resolved, plus any reference errors. */
export interface ResolvedForms {
  caseData: ResolvedForm;
  /** Resolved form per step id (absent when the step has no form). */
  steps: Map<string, ResolvedForm>;
  errors: UnplacedError[];
}

function emptyForm(): ResolvedForm {
  return { schema: { type: 'object', properties: {} }, uiSchema: {} };
}

function mergeBody(
  body: RawFormBody,
  regency: RawRegency | undefined,
  path: string,
  errors: UnplacedError[],
): ResolvedForm {
  const properties: DataSchema['properties'] = {};
  const required = new Set<string>();
  let uiSchema: Record<string, unknown> = {};
  const fragments = regency?.formFragments ?? [];
  (body.include ?? []).forEach((id, i) => {
    const fragment = fragments.find((f) => f.id === id);
    if (!fragment) {
      if (regency)
        errors.push(
          unplaced(
            'UNKNOWN_FRAGMENT',
            `${path}/include/${i}`,
            withSuggestion(
              { fragment: id },
              id,
              fragments.map((f) => f.id),
            ),
          ),
        );
      return;
    }
    Object.assign(properties, fragment.schema.properties);
    (fragment.schema.required ?? []).forEach((r) => required.add(r));
    uiSchema = { ...uiSchema, ...(fragment.uiSchema ?? {}) };
  });
  Object.assign(properties, body.schema.properties);
  (body.schema.required ?? []).forEach((r) => required.add(r));
  const schema: DataSchema = { ...body.schema, type: 'object', properties };
  if (required.size > 0) schema.required = [...required];
  const mergedUi: Record<string, unknown> = { ...uiSchema, ...(body.uiSchema ?? {}) };
  // Field order must survive storage (PostgreSQL jsonb reorders object keys), so it is made explicit.
  if (mergedUi['ui:order'] === undefined) mergedUi['ui:order'] = [...Object.keys(properties), '*'];
  const form: ResolvedForm = { schema, uiSchema: mergedUi };
  if (body.title !== undefined) form.title = body.title;
  return form;
}

/** Resolves `$ref` forms (`#/forms/<id>`, `regency#/formFragments/<id>`) and `include` fragments into plain forms. */
export function resolveForms(sop: RawSop, regency: RawRegency | undefined): ResolvedForms {
  const errors: UnplacedError[] = [];
  const steps = new Map<string, ResolvedForm>();
  const caseData = sop.caseData ? mergeBody(sop.caseData, regency, '/caseData', errors) : emptyForm();
  const localIds = (sop.forms ?? []).map((f) => `#/forms/${f.id}`);
  const fragmentIds = (regency?.formFragments ?? []).map((f) => `regency#/formFragments/${f.id}`);
  sop.steps.forEach((step, index) => {
    const form = step.form;
    if (!form) return;
    const path = `/steps/${index}/form`;
    if ('$ref' in form) {
      const ref = form.$ref;
      const localIndex = localIds.indexOf(ref);
      if (localIndex >= 0) {
        steps.set(step.id, mergeBody(sop.forms![localIndex]!, regency, `/forms/${localIndex}`, errors));
        return;
      }
      const fragment = (regency?.formFragments ?? []).find((f) => `regency#/formFragments/${f.id}` === ref);
      if (fragment) {
        steps.set(step.id, mergeBody(fragment, regency, path, errors));
        return;
      }
      if (regency || ref.startsWith('#'))
        errors.push(
          unplaced('UNKNOWN_REF', `${path}/$ref`, withSuggestion({ ref }, ref, [...localIds, ...fragmentIds])),
        );
      return;
    }
    steps.set(step.id, mergeBody(form, regency, path, errors));
  });
  // Each named form resolves once even if several steps use it; duplicate errors are dropped here.
  const unique = new Map(errors.map((e) => [`${e.code}|${e.path}`, e]));
  return { caseData, steps, errors: [...unique.values()] };
}
