import type { DefinitionErrorCode } from './errorCodes.ts';
import { translate, type Language } from '../i18n/translate.ts';
import { formatName, problemPhrase } from './messagePhrases.ts';

/** Values interpolated into an error message; kept to plain strings and numbers so errors stay serialisable. */
export type ErrorParams = Record<string, string | number>;

/** A problem found in a definition file, positioned like a compiler diagnostic. */
export interface DefinitionError {
  code: DefinitionErrorCode;
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column; 0 when the problem concerns the whole file. */
  column: number;
  /** JSON path of the offending value, e.g. `/steps/2/actor`. */
  path: string;
  params: ErrorParams;
  /** Indonesian message for drafters. */
  message: string;
  /** English message. */
  messageEn: string;
}

/** An error before it is placed in a file: the checks only know the JSON path. */
export interface UnplacedError {
  code: DefinitionErrorCode;
  path: string;
  params: ErrorParams;
  /** Point at the key of the last path segment instead of its value (unknown keys, duplicate ids). */
  atKey?: boolean;
}

/** Builds an unplaced error; the loader later adds file, line and column. */
export function unplaced(
  code: DefinitionErrorCode,
  path: string,
  params: ErrorParams = {},
  atKey = false,
): UnplacedError {
  return atKey ? { code, path, params, atKey } : { code, path, params };
}

/** Adds position and messages (Indonesian and English) to an unplaced error. */
export function placeError(error: UnplacedError, file: string, line: number, column: number): DefinitionError {
  return {
    code: error.code,
    file,
    line,
    column,
    path: error.path,
    params: error.params,
    message: formatErrorMessage('id', error.code, error.params),
    messageEn: formatErrorMessage('en', error.code, error.params),
  };
}

/** Sorts errors by file, then position, so drafters read them top to bottom. */
export function sortErrors(errors: DefinitionError[]): DefinitionError[] {
  return [...errors].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/**
 * Renders the message of an error code. Language-neutral params (a candidate id, a JSON type name,
 * a path) are turned into phrases of the target language here, so one error serves every UI language.
 */
export function formatErrorMessage(language: Language, code: DefinitionErrorCode, params: ErrorParams): string {
  const t = (key: string, p: ErrorParams = {}): string => translate(language, key, p);
  // The catalog's REGENCY_MISMATCH message speaks of an SOP; a regency.yaml in the wrong folder needs its own.
  if (code === 'REGENCY_MISMATCH' && params.problem === 'regencyIdMismatch')
    return `${problemPhrase(language, params)}.`;
  const phrases: ErrorParams = {
    suggestion: params.candidate !== undefined ? t('hints.didYouMean', { candidate: params.candidate }) : '',
    where: params.parentPath ? t('where.at', { path: String(params.parentPath) }) : t('where.root'),
    hint: params.quoteValue !== undefined ? t('hints.quoteNumber', { value: params.quoteValue }) : '',
  };
  if (code === 'YAML_SYNTAX' || code === 'INVALID_FORM_SCHEMA') phrases.detail = problemPhrase(language, params);
  if (code === 'SCHEMA_FORMAT' && typeof params.format === 'string')
    phrases.format = formatName(language, params.format);
  if (code === 'SCHEMA_LIMIT')
    phrases.limitPhrase = t(`limits.${String(params.keyword)}`, { limit: params.limit ?? 0 });
  if (typeof params.expected === 'string' && code === 'SCHEMA_TYPE') phrases.expected = t(`types.${params.expected}`);
  if (typeof params.actual === 'string' && (code === 'SCHEMA_TYPE' || code === 'NOT_A_MAPPING'))
    phrases.actual = t(`types.${params.actual}`);
  return t(`errors.${code}`, { ...params, ...phrases });
}
