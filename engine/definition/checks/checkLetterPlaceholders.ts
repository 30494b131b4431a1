import { unplaced, type UnplacedError } from '../definitionError.ts';
import type { ResolvedForms } from '../resolveForms.ts';
import type { LetterTemplate } from '../sopTypes.ts';
import { withSuggestion } from '../suggest.ts';
import type { CheckContext } from './checkContext.ts';

/** Values every letter has besides the case data (filled when it is prepared or signed). */
export const LETTER_BUILTINS = ['serviceName', 'trackingCode', 'officeName', 'regencyName', 'number', 'date', 'year'];

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

function texts(t: LetterTemplate): string[] {
  return [t.title, t.body, t.about ?? '', ...(t.considering ?? []), ...(t.legalBasis ?? []), ...(t.decides ?? [])]
    .concat(t.secondParty ? [t.secondParty.title, t.secondParty.name] : [])
    .filter(Boolean);
}

/** The placeholder names a letter template prints, in order of appearance (repeats kept). */
export function templatePlaceholders(template: LetterTemplate): string[] {
  return texts(template).flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));
}

/**
 * Every placeholder of a letter (and every `required` and `recipient` field) names data the letter can
 * see: the case data, the forms of its own step and the steps before it (also as `steps.<step>.<field>`),
 * or a built-in. A typo such as `{{penerimaTidakAda}}` is an error here instead of "…" on paper.
 */
export function checkLetterPlaceholders(context: CheckContext, forms: ResolvedForms): UnplacedError[] {
  const { sop, regency } = context;
  const errors: UnplacedError[] = [];
  const visible = new Set<string>([...LETTER_BUILTINS, ...Object.keys(forms.caseData.schema.properties)]);
  sop.steps.forEach((step, i) => {
    const form = forms.steps.get(step.id);
    for (const field of Object.keys(form?.schema.properties ?? {})) {
      visible.add(field);
      visible.add(`steps.${step.id}.${field}`);
    }
    const outputs = step.output === undefined ? [] : Array.isArray(step.output) ? step.output : [step.output];
    outputs.forEach((output, j) => {
      if (typeof output === 'string' || !output.template) return;
      const base = Array.isArray(step.output) ? `/steps/${i}/output/${j}/template` : `/steps/${i}/output/template`;
      const template =
        '$ref' in output.template
          ? regency?.letterTemplates?.find(
              (t) => `regency#/letterTemplates/${t.id}` === (output.template as { $ref: string }).$ref,
            )?.template
          : output.template;
      if (!template) return;
      const used = templatePlaceholders(template);
      const named = [...used, ...(template.required ?? []), ...(template.recipient ? [template.recipient] : [])];
      const known = [...visible];
      for (const name of new Set(named))
        if (!visible.has(name))
          errors.push(
            unplaced(
              'UNKNOWN_LETTER_PLACEHOLDER',
              base,
              withSuggestion({ placeholder: name, output: output.id }, name, known),
            ),
          );
    });
  });
  return errors;
}
