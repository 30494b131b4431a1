import { factsOfCondition } from '../../core/rules/factsOfCondition.ts';
import type { DataSchema, SopDefinition } from '../sopTypes.ts';

/** A rule reading a form field that can be left empty: not an error, but worth a look. */
export interface RuleFieldWarning {
  field: string;
  message: string;
}

/**
 * Form fields that a rule (Kriteria Sasaran, decision branch, conditional requirement) reads but that
 * may stay empty: not required, no `default`, and not a checkbox (the engine stores an unticked one as
 * false). An empty value makes the rule read "undefined", which passes or fails in surprising ways.
 */
export function ruleFieldWarnings(definition: SopDefinition): RuleFieldWarning[] {
  const read = new Set<string>();
  for (const c of definition.eligibility?.criteria ?? []) factsOfCondition(c.rule, read);
  for (const step of definition.steps) {
    for (const b of step.decision?.branches ?? []) if (b.when) factsOfCondition(b.when, read);
    for (const r of step.requirements) if (r.when) factsOfCondition(r.when, read);
  }
  const schemas: DataSchema[] = [
    definition.caseData.schema,
    ...definition.steps.flatMap((s) => (s.form ? [s.form.schema] : [])),
  ];
  const warnings: RuleFieldWarning[] = [];
  for (const field of [...read].sort()) {
    const owners = schemas.filter((s) => Object.hasOwn(s.properties, field));
    if (owners.length === 0) continue;
    const safe = owners.some((s) => {
      const property = s.properties[field]!;
      return property.default !== undefined || property.type === 'boolean' || (s.required ?? []).includes(field);
    });
    if (!safe)
      warnings.push({
        field,
        message: `Aturan membaca isian \`${field}\` yang boleh dikosongkan dan tidak punya nilai bawaan (\`default\`); bila kosong, aturan membaca nilai kosong. Beri \`default\` atau jadikan isian wajib.`,
      });
  }
  return warnings;
}
