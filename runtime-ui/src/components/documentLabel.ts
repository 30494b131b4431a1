import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';

/** A document type's name as the SOP writes it ("KTP dan KK"), never its id ("ktp-kk"). */
export function documentLabel(definition: SopDefinition, doc: string): string {
  for (const step of definition.steps) {
    const found = step.requirements.find((r) => r.doc === doc);
    if (found) return found.label;
  }
  return definition.documents?.find((d) => d.id === doc)?.label ?? doc.replace(/-/g, ' ');
}
