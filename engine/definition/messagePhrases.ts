import type { Language } from '../i18n/translate.ts';
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

// TODO(i18n): these phrases belong in engine/i18n/{id,en}.json; they live here until the catalogs take them.
const phrases: Record<Problem, Record<Language, string>> = {
  tabIndent: {
    id: 'baris ini diindentasi dengan karakter tab, padahal YAML hanya menerima spasi',
    en: 'this line is indented with a tab character, but YAML only accepts spaces',
  },
  unclosedQuote: {
    id: 'tanda kutip {{quote}} yang dibuka di sini tidak pernah ditutup',
    en: 'the {{quote}} quote opened here is never closed',
  },
  unclosedFlow: {
    id: 'tanda `{{open}}` yang dibuka di sini belum ditutup dengan `{{close}}`',
    en: 'the `{{open}}` opened here is not closed with `{{close}}`',
  },
  notAligned: {
    id: 'baris ini tidak sejajar dengan isian di atasnya (atau butir daftar tanpa tanda -)',
    en: 'this line is not aligned with the entries above it (or is a list item without -)',
  },
  badIndent: {
    id: 'indentasi baris ini tidak sesuai dengan baris di atasnya',
    en: 'the indentation of this line does not match the lines above',
  },
  multilineKey: {
    id: 'kunci harus ditulis dalam satu baris; mungkin tanda titik dua (:) sesudah nama kunci terlupa',
    en: 'a key must fit on one line; the colon (:) after the key name may be missing',
  },
  keyWithoutValue: {
    id: 'baris ini tidak berbentuk `kunci: nilai`; mungkin tanda titik dua (:) terlupa',
    en: 'this line is not of the form `key: value`; a colon (:) may be missing',
  },
  missingComma: {
    id: 'butir-butir di dalam `{ }` atau `[ ]` harus dipisah tanda koma',
    en: 'items inside `{ }` or `[ ]` must be separated by commas',
  },
  colonInValue: {
    id: 'nilai yang memuat titik dua diikuti spasi harus diapit tanda kutip, misalnya "Catatan: berkas asli"',
    en: 'a value containing a colon followed by a space must be quoted, e.g. "Note: original documents"',
  },
  badEscape: {
    id: 'garis miring terbalik (\\) di dalam tanda kutip ganda harus ditulis \\\\, atau apit teksnya dengan tanda kutip tunggal',
    en: 'a backslash (\\) inside double quotes must be written \\\\, or put the text in single quotes',
  },
  multipleDocuments: {
    id: 'berkas berisi lebih dari satu dokumen (dipisah ---), padahal satu berkas hanya boleh berisi satu definisi',
    en: 'the file contains more than one document (separated by ---), but a file holds one definition',
  },
  unresolvedAlias: {
    id: 'alias `*{{alias}}` merujuk anchor `&{{alias}}` yang tidak didefinisikan sebelumnya',
    en: 'the alias `*{{alias}}` refers to an anchor `&{{alias}}` that is not defined before it',
  },
  unknownKeyword: {
    id: '`{{keyword}}` bukan kata kunci JSON Schema; bila ini sisa judul yang memuat koma, apit judulnya dengan tanda kutip',
    en: '`{{keyword}}` is not a JSON Schema keyword; if it is the rest of a title containing a comma, put the title in quotes',
  },
  regencyIdMismatch: {
    id: 'regency.yaml ini berpengenal `{{declared}}`, tetapi berada di folder `{{folder}}`. Samakan `id` dengan nama folder, atau ganti nama foldernya',
    en: 'This regency.yaml has the id `{{declared}}` but is in folder `{{folder}}`. Make `id` match the folder name, or rename the folder',
  },
  badType: {
    id: 'tipe isian `{{value}}` tidak dikenal; gunakan string (teks), integer (bilangan bulat), number (angka), boolean (ya/tidak), object, array atau null',
    en: 'the field type `{{value}}` is unknown; use string, integer, number, boolean, object, array or null',
  },
};

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

// Format names as drafters say them; ajv reports the JSON Schema name ("date").
const formatNames: Record<string, Record<Language, string>> = {
  date: { id: 'tanggal', en: 'date' },
};

/** The name of a JSON Schema format in the given language (the format name itself when unknown). */
export function formatName(language: Language, format: string): string {
  return formatNames[format]?.[language] ?? format;
}

/** The `detail` phrase of a message in the given language; the library's wording when the slip is not recognised. */
export function problemPhrase(language: Language, params: ErrorParams): string {
  const problem = params.problem;
  const fallback = String(params.detail ?? '');
  if (typeof problem !== 'string' || !(problem in phrases)) return fallback;
  const template = phrases[problem as Problem][language];
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}
