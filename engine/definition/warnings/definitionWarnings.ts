import type { SopDefinition } from '../sopTypes.ts';
import { placeWarnings, type DefinitionWarning } from './definitionWarning.ts';
import { placeholderSourceWarnings, sharedLetterFieldWarnings } from './letterWarnings.ts';
import { timeWarnings } from './timeWarnings.ts';

/**
 * What a valid SOP reads silently, positioned in its text: a time's trailing part the deadline ignores,
 * a letter placeholder only a bypassable step fills, and two letters printing a field both their steps write.
 */
export function definitionWarnings(text: string, file: string, definition: SopDefinition): DefinitionWarning[] {
  const found = [
    ...timeWarnings(definition),
    ...placeholderSourceWarnings(definition),
    ...sharedLetterFieldWarnings(definition),
  ];
  return placeWarnings(text, file, found).sort((a, b) => a.line - b.line || a.column - b.column);
}
