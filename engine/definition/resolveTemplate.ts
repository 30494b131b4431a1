import type { LetterTemplate, RawRegency } from './sopTypes.ts';

/** A template as written (inline or `regency#/letterTemplates/<id>`) resolved against the regency. */
export function resolveTemplate(
  written: LetterTemplate | { $ref: string },
  regency: RawRegency | undefined,
): LetterTemplate | undefined {
  if (!('$ref' in written)) return written;
  return regency?.letterTemplates?.find((t) => `regency#/letterTemplates/${t.id}` === written.$ref)?.template;
}
