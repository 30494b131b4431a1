import { LETTER_BUILTINS, templatePlaceholders } from '../checks/checkLetterPlaceholders.ts';
import type { SopDefinition } from '../sopTypes.ts';
import type { UnplacedWarning } from './definitionWarning.ts';
import { stepDominators } from './stepDominators.ts';

interface LetterUse {
  step: number;
  output: number;
  outputId: string;
  fields: string[];
}

function letterUses(definition: SopDefinition): LetterUse[] {
  return definition.steps.flatMap((step, i) =>
    step.outputs.flatMap((o, j) =>
      o.template
        ? [{ step: i, output: j, outputId: o.id, fields: [...new Set(templatePlaceholders(o.template))] }]
        : [],
    ),
  );
}

const formFields = (definition: SopDefinition, step: number): string[] =>
  Object.keys(definition.steps[step]?.form?.schema.properties ?? {});

/**
 * Placeholders of a letter that only a step the case can bypass fills: the letter passes the loader
 * (the field exists on an earlier row) but prints "…" for every case that went the other way. The
 * source of a placeholder is the case data, a built-in, or the form of a step every case passes first.
 */
export function placeholderSourceWarnings(definition: SopDefinition): UnplacedWarning[] {
  const dominators = stepDominators(definition.steps);
  const caseFields = new Set([...LETTER_BUILTINS, ...Object.keys(definition.caseData.schema.properties)]);
  return letterUses(definition).flatMap((use) => {
    const passed = dominators.get(definition.steps[use.step]!.id) ?? new Set<string>();
    return use.fields.flatMap((name) => {
      const scoped = /^steps\.([^.]+)\.(.+)$/.exec(name);
      const field = scoped ? scoped[2]! : name;
      if (!scoped && caseFields.has(field)) return [];
      const writers = definition.steps
        .slice(0, use.step + 1)
        .filter((s, k) => (!scoped || s.id === scoped[1]) && formFields(definition, k).includes(field));
      if (writers.length === 0 || writers.some((s) => passed.has(s.id))) return [];
      return [
        {
          code: 'LETTER_PLACEHOLDER_MAY_BE_EMPTY' as const,
          path: `/steps/${use.step}/output`,
          params: { output: use.outputId, placeholder: name, steps: writers.map((s) => s.id).join(', ') },
        },
      ];
    });
  });
}

/**
 * Two letters of different steps printing the same field, written by the forms of both steps: each
 * step's form overwrites the case field, so a letter prints whichever value was entered last. A letter
 * meant to print its own step's value says `{{steps.<step>.<field>}}`.
 */
export function sharedLetterFieldWarnings(definition: SopDefinition): UnplacedWarning[] {
  const uses = letterUses(definition);
  return uses.flatMap((later, k) =>
    uses.slice(0, k).flatMap((earlier) => {
      if (earlier.step === later.step) return [];
      return later.fields
        .filter(
          (f) =>
            earlier.fields.includes(f) &&
            formFields(definition, earlier.step).includes(f) &&
            formFields(definition, later.step).includes(f),
        )
        .map((field) => ({
          code: 'LETTERS_SHARE_FIELD' as const,
          path: `/steps/${later.step}/output`,
          params: {
            field,
            first: earlier.outputId,
            firstStep: definition.steps[earlier.step]!.id,
            second: later.outputId,
            secondStep: definition.steps[later.step]!.id,
          },
        }));
    }),
  );
}
