import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateSopSchema } from '../../engine/definition/schemaValidation.ts';
import { editTable, type TableEdit } from '../../designer/src/table/sopTableEdit.ts';
import { readTable } from '../../designer/src/table/sopTableRead.ts';

// The fixture with one fork (step `registrasi`) and one per-person block (step `rekap-data`).
const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/block-print/blok-paralel-penerima.yaml'), 'utf8');
type Steps = { steps: Array<Record<string, unknown>> };
const steps = (source: string) => (parse(source) as Steps).steps;
const run = (source: string, ...edits: TableEdit[]) => edits.reduce(editTable, source);

const PARALLEL = { branches: ['data-desa', 'data-puskesmas'], join: 'rekap-data' };
const FOR_EACH = { list: 'penerima', label: 'nama', start: 'survei-rumah', join: 'penetapan' };

describe('the table edits a fork and a per-person block into YAML the schema accepts', () => {
  it('reads both blocks, the case-data list and its fields', () => {
    const table = readTable(FIXTURE)!;
    expect(table.rows[1]!.parallel).toEqual(PARALLEL);
    expect(table.rows[5]!.forEach).toEqual(FOR_EACH);
    expect(table.rows.filter((r) => r.parallel || r.forEach)).toHaveLength(2);
    expect(table.lists).toEqual([
      {
        id: 'penerima',
        title: 'Daftar penerima',
        fields: [
          { id: 'nama', title: 'Nama' },
          { id: 'nik', title: 'NIK' },
        ],
      },
    ]);
  });

  it('round trip: blocks taken out, set again in the table → YAML → parse gives the same blocks and SOP', () => {
    const plain = run(
      FIXTURE,
      { kind: 'setParallel', index: 1, parallel: null },
      { kind: 'setForEach', index: 5, forEach: null },
    );
    expect(steps(plain)[1]).not.toHaveProperty('parallel');
    expect(steps(plain)[5]).not.toHaveProperty('forEach');
    // Meanwhile the drafter had let these rows continue to the next row and end; a block replaces that.
    const drafted = run(
      plain,
      { kind: 'setNext', index: 1, target: 'data-desa' },
      { kind: 'setEnd', index: 5, end: 'selesai' },
    );
    const again = run(
      drafted,
      { kind: 'setParallel', index: 1, parallel: PARALLEL },
      { kind: 'setForEach', index: 5, forEach: FOR_EACH },
    );
    expect(steps(again)[1]!.parallel).toEqual(PARALLEL);
    expect(steps(again)[5]!.forEach).toEqual(FOR_EACH);
    expect(parse(again)).toEqual(parse(FIXTURE));
    expect(validateSopSchema(parse(again))).toEqual([]);
    // Only the touched steps changed: the comment on top and every other line stay as written.
    expect(again.split('\n').slice(0, 3)).toEqual(FIXTURE.split('\n').slice(0, 3));
  });

  it('a block without a label leaves `label` out; a decision or an ending replaces the block', () => {
    const noLabel = run(FIXTURE, { kind: 'setForEach', index: 5, forEach: { ...FOR_EACH, label: '' } });
    expect(steps(noLabel)[5]!.forEach).toEqual({ list: 'penerima', start: 'survei-rumah', join: 'penetapan' });
    expect(validateSopSchema(parse(noLabel))).toEqual([]);
    const decided = run(FIXTURE, {
      kind: 'setDecision',
      index: 1,
      decision: { question: 'Perlu data?', yes: 'data-desa', no: 'ditolak' },
    });
    expect(steps(decided)[1]).not.toHaveProperty('parallel');
    expect(validateSopSchema(parse(decided))).toEqual([]);
    const ended = run(FIXTURE, { kind: 'setEnd', index: 5, end: 'selesai' });
    expect(steps(ended)[5]).not.toHaveProperty('forEach');
    // A fork set on a decision row drops the decision (a step leaves one way only).
    const forked = run(decided, { kind: 'setParallel', index: 1, parallel: PARALLEL });
    expect(steps(forked)[1]).not.toHaveProperty('decision');
    expect(steps(forked)[1]!.parallel).toEqual(PARALLEL);
  });
});
