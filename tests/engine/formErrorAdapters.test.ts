import { join } from 'node:path';
import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { compileSop } from '../../engine/core/compileSop.ts';
import { fieldTitle } from '../../engine/core/formErrorMessages.ts';
import { formErrorsToDetails } from '../../engine/core/formErrors.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { createNoEvalValidator } from '../../ui-shared/forms/noEvalValidator.ts';

// The server (ajv, engine/core/formErrors.ts) and the browser apps (@cfworker/json-schema,
// ui-shared/forms/noEvalValidator.ts) must say the same thing about the same wrong answers.

const root = join(import.meta.dirname, '../../sop-definitions');
const definitions = loadDefinitionPaths([root], root).folders.flatMap((f) =>
  f.sops.flatMap((s) => (s.definition ? [s.definition] : [])),
);

/** The browser's errors in the server's shape: JSON pointer, and the field title before the message. */
function browserDetails(schema: object, data: Record<string, unknown>): Array<{ path: string; message: string }> {
  const { errors } = createNoEvalValidator('id').validateFormData(data, schema as RJSFSchema);
  return errors.map((e) => {
    const path = (e.property ?? '').split('.').filter(Boolean).join('/');
    const pointer = path ? `/${path}` : '';
    return { path: pointer, message: `${fieldTitle(schema, pointer)}: ${e.message ?? ''}` };
  });
}

function serverDetails(validate: ReturnType<typeof compileSop>['caseDataValidator'], schema: object, data: unknown) {
  expect(validate(data)).toBe(false);
  return formErrorsToDetails(validate.errors, schema);
}

const sorted = (list: Array<{ path: string; message: string }>) =>
  [...list].sort((a, b) => (a.path + a.message).localeCompare(b.path + b.message));

describe('one form-error wording for server and browser', () => {
  const withNik = definitions.find((d) => JSON.stringify(d.caseData.schema).includes('{16}'))!;

  it('the case data of a real SOP: empty, a short NIK, wrong types', () => {
    const schema = withNik.caseData.schema;
    const validate = compileSop(withNik).caseDataValidator;
    const nikField = Object.entries(schema.properties).find(([, p]) => JSON.stringify(p).includes('{16}'))![0];
    for (const data of [{}, { [nikField]: '123' }, { [nikField]: 42 }]) {
      const server = serverDetails(validate, schema, data);
      expect(server.length).toBeGreaterThan(0);
      expect(sorted(browserDetails(schema, data))).toEqual(sorted(server));
    }
    expect(serverDetails(validate, schema, { [nikField]: '123' })).toContainEqual({
      path: `/${nikField}`,
      message: `${fieldTitle(schema, `/${nikField}`)}: harus terdiri dari 16 digit angka`,
    });
  });

  it('every keyword the wording knows, on a schema built for it', () => {
    const schema = {
      type: 'object' as const,
      required: ['nama'],
      properties: {
        nama: { type: 'string', title: 'Nama', minLength: 3 },
        telepon: { type: 'string', title: 'Telepon', pattern: '^(0|\\+62)[0-9]{8,13}$' },
        lahir: { type: 'string', title: 'Tanggal lahir', format: 'date' },
        tanggungan: { type: 'integer', title: 'Tanggungan', minimum: 0, maximum: 20 },
        penghasilan: { type: 'number', title: 'Penghasilan', exclusiveMinimum: 0, multipleOf: 1000 },
        status: { type: 'string', title: 'Status', enum: ['kawin', 'belum'] },
        catatan: { type: 'string', title: 'Catatan', maxLength: 5 },
        anggota: {
          type: 'array',
          title: 'Anggota',
          minItems: 1,
          maxItems: 2,
          uniqueItems: true,
          items: { type: 'string' },
        },
        setuju: { type: 'boolean', title: 'Setuju', const: true },
      },
    };
    const definition = { ...withNik, caseData: { ...withNik.caseData, schema } };
    const validate = compileSop(definition).caseDataValidator;
    const bad = [
      { nama: 'ab', telepon: '12', lahir: '2025-13-45', tanggungan: 30, status: 'cerai', catatan: 'terlalu panjang' },
      { tanggungan: 1.5, penghasilan: 1500, anggota: [], setuju: false },
      { nama: 'Siti', penghasilan: 0, anggota: ['a', 'a', 'b'] },
      { nama: 7, tanggungan: -1, anggota: 'x' },
    ];
    const keywords = new Set<string>();
    for (const data of bad) {
      const server = serverDetails(validate, schema, data);
      expect(sorted(browserDetails(schema, data))).toEqual(sorted(server));
      for (const e of validate.errors ?? []) keywords.add(e.keyword);
    }
    expect([...keywords].sort()).toEqual(
      [
        'const',
        'enum',
        'exclusiveMinimum',
        'format',
        'maxItems',
        'maxLength',
        'maximum',
        'minItems',
        'minLength',
        'minimum',
        'multipleOf',
        'pattern',
        'required',
        'type',
        'uniqueItems',
      ].sort(),
    );
  });
});
