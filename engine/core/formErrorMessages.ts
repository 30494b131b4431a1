// The one wording of form validation errors, used by the server (ajv, engine/core/formErrors.ts) and by
// both browser apps (@cfworker/json-schema, ui-shared/forms/noEvalValidator.ts): whichever validator
// finds an error, staff read the same sentence. Pure and dependency-free so the browser can bundle it.

/** A form validation error, independent of the validator that found it. */
export interface FieldError {
  /** The JSON Schema keyword that failed (required, pattern, minimum…). */
  keyword: string;
  /** JSON pointer of the field (for `required`, the missing field itself). */
  path: string;
  /** The keyword's value in the schema: the limit, format, type, pattern or allowed values. */
  value?: unknown;
}

/** Languages of the form messages. */
export type FormLanguage = 'id' | 'en';

type Wording = Record<string, (value: unknown) => string>;

const TYPE_NAMES: Record<FormLanguage, Record<string, string>> = {
  id: {
    string: 'teks',
    number: 'angka',
    integer: 'bilangan bulat',
    boolean: 'ya/tidak',
    array: 'daftar',
    object: 'isian',
  },
  en: {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'yes/no',
    array: 'a list',
    object: 'a group',
  },
};

function typeText(value: unknown, language: FormLanguage): string {
  const types = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return types
    .filter((t) => t !== 'null')
    .map((t) => TYPE_NAMES[language][t] ?? t)
    .join(language === 'id' ? ' atau ' : ' or ');
}

const WORDING: Record<FormLanguage, Wording> = {
  id: {
    required: () => 'wajib diisi',
    pattern: () => 'tidak sesuai format yang diminta',
    format: (v) => (v === 'date' ? 'harus berupa tanggal yang sah' : `harus berformat ${String(v)}`),
    minLength: (v) => `paling sedikit ${String(v)} karakter`,
    maxLength: (v) => `paling banyak ${String(v)} karakter`,
    minimum: (v) => `paling kecil ${String(v)}`,
    maximum: (v) => `paling besar ${String(v)}`,
    exclusiveMinimum: (v) => `harus lebih dari ${String(v)}`,
    exclusiveMaximum: (v) => `harus kurang dari ${String(v)}`,
    multipleOf: (v) => `harus kelipatan ${String(v)}`,
    minItems: (v) => `paling sedikit ${String(v)} butir`,
    maxItems: (v) => `paling banyak ${String(v)} butir`,
    uniqueItems: () => 'tidak boleh ada butir yang sama',
    type: (v) => `harus berupa ${typeText(v, 'id')}`,
    enum: () => 'harus salah satu pilihan yang tersedia',
    const: () => 'nilainya tidak sesuai',
    additionalProperties: () => 'berisi isian yang tidak dikenal',
    nikBirthDate: () =>
      'angka ke-7 sampai ke-12 NIK (tanggal, bulan, tahun lahir) tidak sama dengan tanggal lahir yang diisi. Periksa NIK dan tanggal lahir pada KTP/KK, lalu perbaiki yang salah',
    nikSex: (v) =>
      `NIK ini milik ${(v as { sex?: string } | undefined)?.sex === 'female' ? 'laki-laki' : 'perempuan'} (pada NIK perempuan, tanggal lahir ditambah 40), tetapi jenis kelamin yang diisi ${(v as { sex?: string } | undefined)?.sex === 'female' ? 'perempuan' : 'laki-laki'}. Periksa NIK dan jenis kelamin pada KTP/KK`,
  },
  en: {
    required: () => 'is required',
    pattern: () => 'does not match the required format',
    format: (v) => (v === 'date' ? 'must be a valid date' : `must be a valid ${String(v)}`),
    minLength: (v) => `must have at least ${String(v)} characters`,
    maxLength: (v) => `must have at most ${String(v)} characters`,
    minimum: (v) => `must be at least ${String(v)}`,
    maximum: (v) => `must be at most ${String(v)}`,
    exclusiveMinimum: (v) => `must be more than ${String(v)}`,
    exclusiveMaximum: (v) => `must be less than ${String(v)}`,
    multipleOf: (v) => `must be a multiple of ${String(v)}`,
    minItems: (v) => `must have at least ${String(v)} items`,
    maxItems: (v) => `must have at most ${String(v)} items`,
    uniqueItems: () => 'must not repeat an item',
    type: (v) => `must be ${typeText(v, 'en')}`,
    enum: () => 'must be one of the allowed values',
    const: () => 'has the wrong value',
    additionalProperties: () => 'contains an unknown field',
    nikBirthDate: () =>
      'digits 7–12 of the NIK (day, month, year of birth) differ from the birth date entered. Check the NIK and birth date on the KTP/KK and correct the wrong one',
    nikSex: (v) =>
      `this NIK belongs to a ${(v as { sex?: string } | undefined)?.sex === 'female' ? 'man' : 'woman'} (a woman's NIK adds 40 to the day of birth), but the sex entered is ${(v as { sex?: string } | undefined)?.sex === 'female' ? 'female' : 'male'}. Check the NIK and sex on the KTP/KK`,
  },
};

/** Patterns every SOP uses (NIK/KK, phone) get a sentence that says what to type. */
const PATTERN_HINTS: Array<{ test: (pattern: string) => boolean; text: Record<FormLanguage, string> }> = [
  {
    test: (p) => p.includes('{16}'),
    text: { id: 'harus terdiri dari 16 digit angka', en: 'must be exactly 16 digits' },
  },
  {
    test: (p) => p.includes('+62'),
    text: {
      id: 'harus diawali 0 atau +62 dan berisi 9–14 digit',
      en: 'must start with 0 or +62 and have 9–14 digits',
    },
  },
];

/** The message for one field error, without the field's name (the form shows it under the field). */
export function fieldErrorMessage(error: FieldError, language: FormLanguage): string {
  if (error.keyword === 'pattern') {
    const pattern = typeof error.value === 'string' ? error.value : '';
    const hint = PATTERN_HINTS.find((h) => h.test(pattern));
    if (hint) return hint.text[language];
  }
  const wording = WORDING[language][error.keyword];
  return wording ? wording(error.value) : language === 'id' ? 'isian tidak sah' : 'is not valid';
}

type FieldSchema = { title?: unknown; properties?: Record<string, FieldSchema>; items?: FieldSchema };

/** The title of the field at a JSON pointer in a form schema (its last segment when it has none). */
export function fieldTitle(schema: FieldSchema, path: string): string {
  let node: FieldSchema | undefined = schema;
  // A list item's index (`/members/1/nik`) steps into the list's `items`.
  for (const segment of path.split('/').filter(Boolean))
    node = /^\d+$/.test(segment) && node?.items ? node.items : node?.properties?.[segment];
  return typeof node?.title === 'string' ? node.title : (path.split('/').pop() ?? '');
}
