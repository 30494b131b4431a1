import type { SopDefinition } from '../sopTypes.ts';
import type { UnplacedWarning } from './definitionWarning.ts';

/** The part of a time after its quantity that the deadline does not use, or undefined. */
function trailingPart(text: string, after: string | undefined, note: string | undefined): string | undefined {
  const afterAt = text.search(/setelah\s/i);
  if (after !== undefined && afterAt >= 0) return text.slice(afterAt).trim();
  // Only a remark at the end: words before the number ("paling lama 3 hari") qualify it and are not ignored.
  if (
    note !== undefined &&
    text
      .toLowerCase()
      .replace(/[\s,.;:]+$/, '')
      .endsWith(note.toLowerCase())
  )
    return note;
  return undefined;
}

/**
 * A time read with a trailing part the deadline does not use: "2 hari setelah asesmen" counts 2 days from
 * the start of the step, whatever "setelah asesmen" says; a remark after the unit is kept only as text.
 */
export function timeWarnings(definition: SopDefinition): UnplacedWarning[] {
  return definition.steps.flatMap((step, i) => {
    if (!step.time) return [];
    const { text, after, note } = step.time;
    const part = trailingPart(text, after, note);
    if (part === undefined) return [];
    const column = text.toLowerCase().lastIndexOf(part.toLowerCase()) + 1;
    return [{ code: 'TIME_TRAILING_IGNORED' as const, path: `/steps/${i}/time`, params: { text, part, column }, part }];
  });
}
