import { unplaced, type UnplacedError } from '../definitionError.ts';
import { resolveTemplate } from '../resolveTemplate.ts';
import type { ResolvedForms } from '../resolveForms.ts';
import type { LetterTemplate } from '../sopTypes.ts';
import { withSuggestion } from '../suggest.ts';
import type { CheckContext } from './checkContext.ts';

/** Values every letter has besides the case data (filled when it is prepared or signed). */
export const LETTER_BUILTINS = ['serviceName', 'trackingCode', 'officeName', 'regencyName', 'number', 'date', 'year'];

/** Values a rejection letter has besides those: the reason given and the complaint channels. */
export const REJECTION_BUILTINS = ['rejectionReason', 'complaintChannels'];

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
      const template = resolveTemplate(output.template, regency);
      if (template) errors.push(...unknownPlaceholders(template, visible, base, output.id));
    });
  });
  // A rejection may come at any step: its letter sees every step's fields and the reason.
  const rejection = sop.rejection?.letter;
  const template = rejection && resolveTemplate(rejection.template, regency);
  if (rejection && template) {
    REJECTION_BUILTINS.forEach((name) => visible.add(name));
    errors.push(...unknownPlaceholders(template, visible, '/rejection/letter/template', rejection.id));
  }
  return errors;
}

function unknownPlaceholders(
  template: LetterTemplate,
  visible: ReadonlySet<string>,
  base: string,
  output: string,
): UnplacedError[] {
  const used = templatePlaceholders(template);
  const named = [...used, ...(template.required ?? []), ...(template.recipient ? [template.recipient] : [])];
  const known = [...visible];
  return [...new Set(named)]
    .filter((name) => !visible.has(name))
    .map((name) =>
      unplaced('UNKNOWN_LETTER_PLACEHOLDER', base, withSuggestion({ placeholder: name, output }, name, known)),
    );
}
