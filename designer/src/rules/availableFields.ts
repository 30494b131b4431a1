import { parse } from 'yaml';
import { resolveForms } from '../../../engine/definition/resolveForms.ts';
import type { RawRegency, RawSop, ResolvedForm } from '../../../engine/definition/sopTypes.ts';
import { ruleFields, type RuleField } from './ruleModel.ts';

function readSop(source: string): RawSop | undefined {
  try {
    const value: unknown = parse(source);
    const sop = value as Partial<RawSop> | null;
    return sop && typeof sop === 'object' && Array.isArray(sop.steps) ? (sop as RawSop) : undefined;
  } catch {
    return undefined;
  }
}

function conditional(form: ResolvedForm): Record<string, unknown> {
  // Fields shown only "jika …" live in allOf/then; rules may read them too.
  const out: Record<string, unknown> = {};
  const allOf = (form.schema as { allOf?: Array<{ then?: { properties?: Record<string, unknown> } }> }).allOf ?? [];
  for (const entry of allOf) Object.assign(out, entry.then?.properties ?? {});
  return out;
}

/** The SOP's forms as staff will see them: the case form and each step's, with the regency's fragments merged. */
export function resolvedForms(
  source: string,
  regency: RawRegency,
): { caseData: ResolvedForm; steps: Map<string, ResolvedForm> } | undefined {
  const sop = readSop(source);
  if (!sop) return undefined;
  const forms = resolveForms(sop, regency);
  return { caseData: forms.caseData, steps: forms.steps };
}

/** Every field a rule may read: the case form's, then each step form's, with their Indonesian labels. */
export function availableRuleFields(source: string, regency: RawRegency): RuleField[] {
  const forms = resolvedForms(source, regency);
  if (!forms) return [];
  const seen = new Set<string>();
  const fields: RuleField[] = [];
  for (const form of [forms.caseData, ...forms.steps.values()])
    for (const field of ruleFields({ ...form.schema.properties, ...conditional(form) }))
      if (!seen.has(field.name)) {
        seen.add(field.name);
        fields.push(field);
      }
  return fields;
}
