import type { LetterTemplate } from '../../definition/sopTypes.ts';

/** Every text of a template that may hold `{{placeholders}}`. */
export function templateTexts(template: LetterTemplate): string[] {
  return [
    template.body,
    template.about ?? '',
    ...(template.considering ?? []),
    ...(template.legalBasis ?? []),
    ...(template.decides ?? []),
    template.secondParty?.name ?? '',
  ].filter(Boolean);
}
