import { translate, type Language } from '../i18n/translate.ts';
import type { ErrorParams } from './definitionError.ts';

/**
 * Slips drafters make, recognised from the (English) errors of the YAML parser and of ajv, so the
 * YAML_SYNTAX and INVALID_FORM_SCHEMA messages can name the slip in the drafter's language
 * (unrecognised errors keep the library's own wording); plus REGENCY_MISMATCH for a regency.yaml.
 */
export type Problem =
  | 'tabIndent'
  | 'unclosedQuote'
  | 'unclosedFlow'
  | 'notAligned'
  | 'badIndent'
  | 'multilineKey'
  | 'keyWithoutValue'
  | 'missingComma'
  | 'colonInValue'
  | 'badEscape'
  | 'multipleDocuments'
  | 'unresolvedAlias'
  | 'unknownKeyword'
  | 'badType'
  | 'regencyIdMismatch';

// The phrases themselves are in engine/i18n/{id,en}.json under `problems`.
const PROBLEMS: ReadonlySet<string> = new Set<Problem>([
  'tabIndent',
  'unclosedQuote',
  'unclosedFlow',
  'notAligned',
  'badIndent',
  'multilineKey',
  'keyWithoutValue',
  'missingComma',
  'colonInValue',
  'badEscape',
  'multipleDocuments',
  'unresolvedAlias',
  'unknownKeyword',
  'badType',
  'regencyIdMismatch',
]);

/** Recognises a drafter's slip from a parser error code and message. */
export function yamlProblemOf(code: string, message: string): Problem | undefined {
  if (code === 'TAB_AS_INDENT') return 'tabIndent';
  if (code === 'MISSING_CHAR' && /closing ["']quote/.test(message)) return 'unclosedQuote';
  if (code === 'MISSING_CHAR' && /without - indicator/.test(message)) return 'notAligned';
  if (/end with an? [}\]]/.test(message)) return 'unclosedFlow';
  if (code === 'MISSING_CHAR' && /need to be followed by map values/.test(message)) return 'keyWithoutValue';
  if (code === 'MISSING_CHAR' && /^Missing , /.test(message)) return 'missingComma';
  if (code === 'BAD_INDENT') return 'badIndent';
  if (code === 'MULTILINE_IMPLICIT_KEY') return 'multilineKey';
  if (code === 'BLOCK_AS_IMPLICIT_KEY') return 'colonInValue';
  if (code === 'BAD_DQ_ESCAPE') return 'badEscape';
  if (code === 'MULTIPLE_DOCS') return 'multipleDocuments';
  return undefined;
}

/** The name of a JSON Schema format in the given language (the format name itself when unknown). */
export function formatName(language: Language, format: string): string {
  // Format names as drafters say them; ajv reports the JSON Schema name ("date").
  const key = `formatNames.${format}`;
  const name = translate(language, key);
  return name === key ? format : name;
}

/** The `detail` phrase of a message in the given language; the library's wording when the slip is not recognised. */
export function problemPhrase(language: Language, params: ErrorParams): string {
  const problem = params.problem;
  const fallback = String(params.detail ?? '');
  if (typeof problem !== 'string' || !PROBLEMS.has(problem)) return fallback;
  const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v ?? '')]));
  return translate(language, `problems.${problem}`, values);
}
