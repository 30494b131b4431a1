import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { newSopTemplate } from '../../engine/app/designer/sopTemplate.ts';
import { compileCondition } from '../../engine/core/rules/evaluateCondition.ts';
import { loadRegencySource, loadSopSource } from '../../engine/definition/loadDefinitionSource.ts';
import { readForm, writeForm } from '../../designer/src/forms/formEdit.ts';
import { newFields, readFields, writeFields, type FormField } from '../../designer/src/forms/formFields.ts';
import { availableRuleFields } from '../../designer/src/rules/availableFields.ts';
import { deleteCriterion, readCriteria, setCriterion } from '../../designer/src/rules/criteriaEdit.ts';
import { describeClause, readRule, typedValue, writeRule } from '../../designer/src/rules/ruleModel.ts';
import { editTable, type TableEdit } from '../../designer/src/table/sopTableEdit.ts';
import { readTable } from '../../designer/src/table/sopTableRead.ts';

const root = join(import.meta.dirname, '../../sop-definitions');
const regency = loadRegencySource(
  readFileSync(join(root, 'kutai-kartanegara', 'regency.yaml')),
  'regency.yaml',
  'kutai-kartanegara',
).regency!;

function check(source: string) {
  return loadSopSource(new TextEncoder().encode(source), 'uji.yaml', { regency, folderName: 'kutai-kartanegara' });
}

function addFields(source: string, ...added: FormField[][]): string {
  const body = readForm(source, 'caseData');
  return writeForm(source, 'caseData', writeFields(body, [...readFields(body), ...added.flat()]));
}

describe('form builder', () => {
  it('writes every kind as readable JSON Schema and reads it back', () => {
    let fields: FormField[] = [];
    const add = (kind: Exclude<FormField['kind'], never>, label: string, options?: string[]) => {
      fields = [
        ...fields,
        ...newFields(
          kind,
          label,
          fields.map((f) => f.name),
          options,
        ),
      ];
    };
    add('teks', 'Nama ibu kandung');
    add('angka', 'Jumlah tanggungan');
    add('tanggal', 'Tanggal lahir');
    add('pilihan', 'Kategori', ['Lanjut Usia', 'Disabilitas']);
    add('yaTidak', 'Penerima PKH');
    add('nik', 'NIK');
    add('alamat', '');
    fields[0]!.required = true;
    fields.push({
      ...newFields('teks', 'Jenis disabilitas', [])[0]!,
      required: true,
      showIf: { field: 'kategori', value: 'Disabilitas' },
    });
    const body = writeFields(undefined, fields);
    expect(body.schema.properties).toMatchObject({
      namaIbuKandung: { type: 'string', title: 'Nama ibu kandung' },
      jumlahTanggungan: { type: 'number' },
      tanggalLahir: { type: 'string', format: 'date' },
      kategori: { enum: ['Lanjut Usia', 'Disabilitas'] },
      penerimaPkh: { type: 'boolean' },
      nik: { pattern: '^[0-9]{16}$' },
      district: { title: 'Kecamatan' },
      village: { title: 'Desa / Kelurahan' },
    });
    expect(body.schema.required).toEqual(['namaIbuKandung', 'district', 'village']);
    expect(body.schema.allOf).toEqual([
      {
        if: { properties: { kategori: { const: 'Disabilitas' } }, required: ['kategori'] },
        then: {
          required: ['jenisDisabilitas'],
          properties: { jenisDisabilitas: { type: 'string', title: 'Jenis disabilitas' } },
        },
      },
    ]);
    expect(readFields(body)).toEqual(
      fields
        .map((f) => (f.kind === 'pilihan' ? f : { ...f, options: undefined }))
        .map((f) => JSON.parse(JSON.stringify(f)) as FormField),
    );
  });

  it('keeps what the builder does not know (description, default) when a label changes', () => {
    const body = {
      schema: {
        type: 'object' as const,
        properties: { a: { type: 'string', title: 'A', description: 'bantuan', minLength: 2 } },
      },
    };
    const [field] = readFields(body);
    const out = writeFields(body, [{ ...field!, label: 'A baru' }]);
    expect(out.schema.properties.a).toEqual({ type: 'string', title: 'A baru', description: 'bantuan', minLength: 2 });
  });

  it('writes the form into the YAML one property per line and includes regency fragments', () => {
    const source = newSopTemplate(regency, 'uji', 'Uji');
    const body = { ...readForm(source, 'caseData')!, include: ['identitas-pemohon'] };
    const fields = [...readFields(body), ...newFields('pilihan', 'Kategori', [], ['Lanjut Usia', 'Lainnya'])];
    const out = writeForm(source, 'caseData', writeFields(body, fields));
    expect(out).toContain('include: [identitas-pemohon]');
    expect(out).toContain('\n      kategori: {type: string, title: Kategori, enum: [Lanjut Usia, Lainnya]}\n');
    // Untouched fields keep the template's own lines.
    expect(out).toContain(source.slice(source.indexOf('      fullName:'), source.indexOf('      nik:')));
    expect(check(out).errors).toEqual([]);
  });
});

describe('rules by example', () => {
  const fields = [
    { name: 'usia', label: 'Usia', kind: 'angka' as const },
    { name: 'kategori', label: 'Kategori', kind: 'pilihan' as const, options: ['Lanjut Usia', 'Disabilitas'] },
  ];

  it('composes Indonesian comparisons, labels them, and explains them on sample data', async () => {
    const rule = writeRule(
      {
        join: 'all',
        clauses: [
          {
            fact: 'usia',
            operator: 'greaterThanInclusive',
            value: typedValue('60', fields[0], 'greaterThanInclusive'),
          },
          { fact: 'kategori', operator: 'in', value: typedValue('Lanjut Usia, Disabilitas', fields[1], 'in') },
        ],
      },
      fields,
    )!;
    expect(rule).toEqual({
      all: [
        { fact: 'usia', operator: 'greaterThanInclusive', value: 60, label: 'Usia paling sedikit 60' },
        {
          fact: 'kategori',
          operator: 'in',
          value: ['Lanjut Usia', 'Disabilitas'],
          label: 'Kategori salah satu dari Lanjut Usia, Disabilitas',
        },
      ],
    });
    const outcome = await compileCondition(rule).evaluate({ usia: 58, kategori: 'Lanjut Usia' });
    expect(outcome.passed).toBe(false);
    expect(outcome.criteria.map((c) => c.explanation)).toEqual([
      'Usia paling sedikit 60: tidak terpenuhi (nilai 58)',
      'Kategori salah satu dari Lanjut Usia, Disabilitas: terpenuhi (nilai "Lanjut Usia")',
    ]);
    expect(readRule(rule)).toMatchObject({ join: 'all', clauses: [{ fact: 'usia' }, { fact: 'kategori' }] });
    expect(describeClause({ fact: 'kategori', operator: 'equal', value: 'Lanjut Usia' }, fields)).toBe(
      'Kategori sama dengan Lanjut Usia',
    );
    // Nested rules are left to the YAML text rather than half shown.
    expect(readRule({ any: [{ all: [{ fact: 'a', operator: 'equal', value: 1 }] }] })).toBeUndefined();
  });

  it('adds, changes and removes Kriteria sasaran in the YAML', () => {
    const source = newSopTemplate(regency, 'uji', 'Uji');
    const rule = { fact: 'fullName', operator: 'notEqual', value: '', label: 'Nama lengkap tidak sama dengan ' };
    const one = setCriterion(source, 0, 'Bernama', rule);
    expect(readCriteria(one)).toEqual([{ id: 'bernama', text: 'Bernama', rule }]);
    expect(check(one).errors).toEqual([]);
    const changed = setCriterion(one, 0, 'Bernama lengkap', rule);
    expect(readCriteria(changed)[0]).toMatchObject({ id: 'bernama', text: 'Bernama lengkap' });
    expect(parse(deleteCriterion(changed, 0))).not.toHaveProperty('eligibility');
  });
});

describe('the new-SOP template', () => {
  it("starts from the drafter's unit: its staff and its head are the lanes, and it is valid", () => {
    const source = newSopTemplate(regency, 'uji', 'Uji', 'linjamsos');
    const value = parse(source) as { unit: string; actors: Array<{ role?: string; recordedBy?: string }> };
    expect(value.unit).toBe('linjamsos');
    expect(value.actors.map((a) => a.role ?? a.recordedBy)).toEqual([
      'staf-linjamsos',
      'staf-linjamsos',
      'kabid-linjamsos',
    ]);
    expect(check(source).errors).toEqual([]);
  });
});

describe('a drafter builds a whole SOP with the table, pickers and builders only', () => {
  it('six steps, two lanes, a decision with a rule, five added fields, one criterion, one letter: valid', () => {
    let source = newSopTemplate(regency, 'uji', 'Uji');
    const edit = (...edits: TableEdit[]) => (source = edits.reduce(editTable, source));
    const table = () => readTable(source)!;
    // Step 1 moves from the applicant's lane to the staff lane; the applicant lane then goes.
    edit(
      { kind: 'toggleLane', index: 0, lane: 'petugas' },
      { kind: 'toggleLane', index: 0, lane: 'pemohon' },
      { kind: 'deleteLane', lane: 'pemohon' },
    );
    expect(() => editTable(source, { kind: 'deleteLane', lane: 'petugas' })).toThrow(/masih ditandai/);
    expect(table().lanes.map((l) => l.id)).toEqual(['petugas', 'kepala']);
    // Three more rows, the last of them taking over the ending.
    for (const activity of [
      'Petugas melakukan kunjungan rumah',
      'Kepala Bidang menandatangani surat',
      'Petugas menyerahkan surat',
    ])
      edit({ kind: 'addStep', after: table().rows.length - 1, activity });
    expect(table().rows.length).toBe(6);
    expect(table().rows.map((r) => r.end)).toEqual([undefined, undefined, undefined, undefined, undefined, 'selesai']);
    edit(
      { kind: 'toggleLane', index: 4, lane: 'kepala' },
      { kind: 'toggleLane', index: 4, lane: 'petugas' },
      { kind: 'setText', index: 3, field: 'time', value: '2 hari kerja' },
      { kind: 'setText', index: 4, field: 'time', value: '1 hari kerja' },
      { kind: 'setText', index: 5, field: 'time', value: '15 menit' },
      { kind: 'addDocument', index: 3, label: 'Foto kunjungan rumah', scan: true },
      { kind: 'setLetter', index: 4, name: 'Surat Keputusan Penerima', template: 'sk-penetapan' },
    );
    source = addFields(
      source,
      newFields('alamat', '', ['fullName', 'nik']),
      newFields('pilihan', 'Kategori', [], ['Lanjut Usia', 'Disabilitas', 'Lainnya']),
      newFields('tanggal', 'Tanggal lahir', []),
      newFields('angka', 'Jumlah tanggungan', []),
      [{ ...newFields('teks', 'Jenis disabilitas', [])[0]!, showIf: { field: 'kategori', value: 'Disabilitas' } }],
    );
    const fields = availableRuleFields(source, regency);
    expect(fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['kategori', 'district', 'jenisDisabilitas', 'complete']),
    );
    const rule = writeRule(
      { join: 'all', clauses: [{ fact: 'kategori', operator: 'equal', value: 'Lanjut Usia' }] },
      fields,
    )!;
    source = setCriterion(source, 0, 'Lanjut usia', rule);
    const load = check(source);
    expect(load.errors).toEqual([]);
    expect(load.definition!.steps).toHaveLength(6);
    expect(load.definition!.actors.map((a) => a.id)).toEqual(['petugas', 'kepala']);
    // The template's comment line survived every edit.
    expect(source.split('\n')[0]).toBe('# Uji: disusun dari templat Alur; sesuaikan langkah, pelaksana dan baku mutu.');
  });
});
