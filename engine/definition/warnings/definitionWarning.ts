import { translate, type Language } from '../../i18n/translate.ts';
import type { DefinitionError, ErrorParams } from '../definitionError.ts';
import { locateOffset, parseYamlSource } from '../parseYamlSource.ts';

/** Every code a definition warning can carry: what the loader accepts but reads silently. */
export const definitionWarningCodes = [
  'TIME_TRAILING_IGNORED',
  'LETTER_PLACEHOLDER_MAY_BE_EMPTY',
  'LETTERS_SHARE_FIELD',
] as const;

/** One of the codes above. */
export type DefinitionWarningCode = (typeof definitionWarningCodes)[number];

/** A warning before it is placed in the file: the check knows the JSON path and, for text, the part it means. */
export interface UnplacedWarning {
  code: DefinitionWarningCode;
  path: string;
  params: ErrorParams;
  /** Text inside the value to point at (the ignored part of a time), when the value is on one line. */
  part?: string;
}

/** A positioned warning, shaped like a definition error so the same views can list both. */
export interface DefinitionWarning extends Omit<DefinitionError, 'code'> {
  code: DefinitionWarningCode;
}

/** The message of a warning code in one language. */
export function formatWarningMessage(language: Language, code: DefinitionWarningCode, params: ErrorParams): string {
  return translate(language, `warnings.${code}`, params);
}

/**
 * Adds line, column and messages to warnings from the SOP's own text: the value at the JSON path, or the
 * part of it named by `part` when that part is on the value's line.
 */
export function placeWarnings(text: string, file: string, warnings: UnplacedWarning[]): DefinitionWarning[] {
  if (warnings.length === 0) return [];
  const parsed = parseYamlSource(new TextEncoder().encode(text));
  if (!parsed.ok) return [];
  const { source } = parsed;
  const lines = text.split('\n');
  return warnings.map((w) => {
    const pos = source.lineCounter.linePos(locateOffset(source, w.path));
    const lineText = lines[pos.line - 1] ?? '';
    const at = w.part !== undefined ? lineText.indexOf(w.part, Math.max(0, pos.col - 1)) : -1;
    return {
      code: w.code,
      file,
      line: pos.line,
      column: at >= 0 ? at + 1 : pos.col,
      path: w.path,
      params: w.params,
      message: formatWarningMessage('id', w.code, w.params),
      messageEn: formatWarningMessage('en', w.code, w.params),
    };
  });
}
