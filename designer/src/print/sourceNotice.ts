import { sourceNoticeText } from '../../../engine/definition/sourceNotice.ts';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';

/** The dagger that marks what the source does not print, and what it means. */
export const INFERRED_MARK = '†';
/** The legend printed wherever the dagger is used. */
export const INFERRED_LEGEND = `${INFERRED_MARK} ditafsirkan, tidak tercetak pada sumber`;

/** The notice a printout must carry when its steps were not taken from an approved technical document. */
export function sourceNotice(definition: SopDefinition): string | undefined {
  return sourceNoticeText(definition);
}
