import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editTable, type TableEdit } from '../../designer/src/table/sopTableEdit.ts';
import { readTable } from '../../designer/src/table/sopTableRead.ts';
import { timeReading } from '../../designer/src/table/timeReading.ts';

const SEED = readFileSync(
  join(import.meta.dirname, '../../sop-definitions/kutai-kartanegara/bantuan-permakanan.yaml'),
  'utf8',
);

const SMALL = `# Uji: komentar di atas
id: uji
name: Uji
actors:
  - { id: pemohon, name: Pemohon, external: true, recordedBy: petugas-pengaduan }
  - { id: petugas, name: Petugas, role: petugas-pengaduan }
steps:
  # langkah pertama
  - id: pengajuan
    activity: Pemohon menyerahkan berkas
    actor: pemohon
    time: 15 menit # seperti tercetak
  - id: verifikasi
    activity: Petugas memeriksa
    actor: petugas
    end: selesai
`;

function run(source: string, ...edits: TableEdit[]): string {
  return edits.reduce(editTable, source);
}

describe('the SOP table over YAML', () => {
  it('reads lanes, rows, joint steps, requirements, decisions and letter outputs from a seed', () => {
    const table = readTable(SEED)!;
    expect(table.lanes.length).toBeGreaterThan(1);
    expect(table.rows.length).toBe((parse(SEED) as { steps: unknown[] }).steps.length);
    expect(table.rows.some((r) => r.lanes.length > 1)).toBe(true);
    expect(table.rows.some((r) => r.decision && r.decision.yes !== '' && r.decision.no !== '')).toBe(true);
    expect(table.rows.some((r) => r.requirements.length > 0)).toBe(true);
    expect(readTable(': : :')).toBeUndefined();
  });

  it('adds, moves and deletes rows and keeps every comment', () => {
    const added = run(SMALL, { kind: 'addStep', after: 0, activity: 'Petugas mencatat' });
    expect(readTable(added)!.rows.map((r) => r.activity)).toEqual([
      'Pemohon menyerahkan berkas',
      'Petugas mencatat',
      'Petugas memeriksa',
    ]);
    // The new row starts in the lane of the row above it.
    expect(readTable(added)!.rows[1]!.lanes).toEqual(['pemohon']);
    const moved = run(added, { kind: 'moveStep', from: 2, to: 0 });
    expect(readTable(moved)!.rows[0]!.activity).toBe('Petugas memeriksa');
    const deleted = run(moved, { kind: 'deleteStep', index: 1 });
    expect(readTable(deleted)!.rows.map((r) => r.id)).toEqual(['verifikasi', 'langkah-3']);
    for (const comment of ['# Uji: komentar di atas', '# langkah pertama', '# seperti tercetak'])
      expect(added).toContain(comment);
    expect(moved).toContain('# seperti tercetak');
  });

  it('a row added under the last one takes over its ending, written in block style like the rows above', () => {
    const out = run(SMALL, { kind: 'addStep', after: 1, activity: 'Petugas mengarsipkan' });
    expect(out).toBe(
      SMALL.replace('    end: selesai\n', '') +
        '  - id: langkah-3\n    activity: Petugas mengarsipkan\n    actor: petugas\n    end: selesai\n',
    );
  });

  it('marks lanes: one lane is the actor, several a joint step, and the last lane cannot be unmarked', () => {
    const joint = run(SMALL, { kind: 'toggleLane', index: 0, lane: 'petugas' });
    expect(joint).toContain('actor: {together: [pemohon, petugas]}');
    expect(readTable(joint)!.rows[0]!.lanes).toEqual(['pemohon', 'petugas']);
    const single = run(joint, { kind: 'toggleLane', index: 0, lane: 'pemohon' });
    expect(readTable(single)!.rows[0]!.lanes).toEqual(['petugas']);
    expect(run(single, { kind: 'toggleLane', index: 0, lane: 'petugas' })).toBe(single);
  });

  it('a row done in order keeps its order and its kind when a lane is marked or unmarked', () => {
    const withKabid = run(SMALL, { kind: 'addLane', lane: { role: 'kabid-linjamsos', name: 'Kabid Linjamsos' } });
    const kabid = readTable(withKabid)!.lanes[2]!.id;
    const inOrder = withKabid.replace('    actor: petugas', `    actor: { sequence: [${kabid}, petugas] }`);
    expect(readTable(inOrder)!.rows[1]!.lanes).toEqual([kabid, 'petugas']);
    const three = run(inOrder, { kind: 'toggleLane', index: 1, lane: 'pemohon' });
    expect(three).toContain(`actor: {sequence: [${kabid}, petugas, pemohon]}`);
    const two = run(three, { kind: 'toggleLane', index: 1, lane: 'petugas' });
    expect(two).toContain(`actor: {sequence: [${kabid}, pemohon]}`);
  });

  it('adds lanes from a role or as an outside party, with ids nobody types', () => {
    const out = run(
      SMALL,
      { kind: 'addLane', lane: { role: 'kabid-linjamsos', name: 'Kabid Linjamsos' } },
      { kind: 'addLane', lane: { external: true, name: 'Pemerintah Desa', recordedBy: 'petugas-pengaduan' } },
      { kind: 'addLane', lane: { external: true, name: 'Pemerintah Desa', recordedBy: 'petugas-pengaduan' } },
    );
    expect(readTable(out)!.lanes.map((l) => l.id)).toEqual([
      'pemohon',
      'petugas',
      'kabid-linjamsos',
      'pemerintah-desa',
      'pemerintah-desa-2',
    ]);
    expect(out).toContain('{id: kabid-linjamsos, name: Kabid Linjamsos, role: kabid-linjamsos}');
  });

  it('writes Kelengkapan, Waktu, Output and Keterangan in the seeds’ key order', () => {
    const out = run(
      SMALL,
      { kind: 'toggleRequirement', index: 1, doc: 'ktp' },
      { kind: 'addDocument', index: 1, label: 'Surat Pengantar RT' },
      { kind: 'setText', index: 1, field: 'time', value: '1 hari kerja' },
      { kind: 'setOutput', index: 1, output: 'Berkas terverifikasi' },
      { kind: 'setText', index: 1, field: 'notes', value: 'Bila berkas kurang, dikembalikan' },
    );
    const value = parse(out) as { documents: unknown[]; steps: Array<Record<string, unknown>> };
    expect(value.documents).toEqual([{ id: 'surat-pengantar-rt', label: 'Surat Pengantar RT' }]);
    expect(Object.keys(value.steps[1]!)).toEqual([
      'id',
      'activity',
      'actor',
      'requirements',
      'time',
      'output',
      'notes',
      'end',
    ]);
    expect(value.steps[1]!.requirements).toEqual(['ktp', 'surat-pengantar-rt']);
    // Unticking a document removes it; an empty Waktu removes the key.
    const back = run(
      out,
      { kind: 'toggleRequirement', index: 1, doc: 'ktp' },
      { kind: 'setText', index: 1, field: 'time', value: '' },
    );
    expect((parse(back) as { steps: Array<Record<string, unknown>> }).steps[1]).not.toHaveProperty('time');
  });

  it('makes a decision row with Ya/Tidak targets, then a rule for Ya, and a letter output', () => {
    const rule = { fact: 'complete', operator: 'equal', value: true };
    const out = run(
      SMALL,
      { kind: 'setDecision', index: 1, decision: { question: 'Lengkap?', yes: 'selesai', no: 'ditolak' } },
      { kind: 'setDecisionRule', index: 1, when: rule },
      { kind: 'setLetter', index: 0, name: 'Surat Keterangan', template: 'sk-penetapan' },
    );
    const value = parse(out) as { steps: Array<Record<string, unknown>> };
    expect(value.steps[1]!.end).toBeUndefined();
    expect(value.steps[1]!.decision).toEqual({
      question: 'Lengkap?',
      branches: [
        { label: 'Ya', when: rule, goto: 'selesai' },
        { label: 'Tidak', otherwise: true, goto: 'ditolak' },
      ],
    });
    expect(readTable(out)!.rows[0]!.output).toEqual({
      kind: 'letter',
      name: 'Surat Keterangan',
      template: 'sk-penetapan',
    });
    // Changing a target keeps the rule; removing the rule makes it a choice of staff.
    const retarget = run(out, {
      kind: 'setDecision',
      index: 1,
      decision: { question: 'Lengkap?', yes: 'pengajuan', no: 'ditolak' },
    });
    expect(readTable(retarget)!.rows[1]!.decision).toMatchObject({ yes: 'pengajuan', when: rule });
    const human = run(retarget, { kind: 'setDecisionRule', index: 1, when: null });
    expect(JSON.stringify(parse(human))).not.toContain('otherwise');
  });

  it('a deleted row leaves the decisions that went to it without a target, for the check to point at', () => {
    const out = run(
      SMALL,
      { kind: 'setDecision', index: 0, decision: { question: '', yes: 'verifikasi', no: 'ditolak' } },
      { kind: 'deleteStep', index: 1 },
    );
    expect(readTable(out)!.rows[0]!.decision).toMatchObject({ yes: '', no: 'ditolak' });
  });

  it('moves and inserts rows of a seed as cut-and-paste: every other line stays byte for byte', () => {
    const moved = editTable(SEED, { kind: 'moveStep', from: 0, to: 1 });
    expect(moved).not.toBe(SEED);
    expect([...moved.split('\n')].sort()).toEqual([...SEED.split('\n')].sort());
    expect(
      readTable(moved)!
        .rows.map((r) => r.id)
        .slice(0, 2),
    ).toEqual(
      readTable(SEED)!
        .rows.map((r) => r.id)
        .slice(0, 2)
        .reverse(),
    );
    const inserted = editTable(SEED, { kind: 'addStep', after: 0, activity: 'Langkah sisipan' });
    const added = inserted.split('\n').filter((l) => !SEED.split('\n').includes(l));
    const n = readTable(SEED)!.rows.length + 1;
    // Only the new row's lines are new (its actor line may equal one already in the file).
    expect(added.slice(0, 2)).toEqual([`  - id: langkah-${n}`, '    activity: Langkah sisipan']);
    expect(inserted.split('\n').length).toBe(SEED.split('\n').length + 3);
  });

  it('edits a full seed without touching the lines it did not change', () => {
    const out = editTable(SEED, { kind: 'setText', index: 0, field: 'notes', value: 'Catatan baru' });
    const before = SEED.split('\n').filter((l) => l.trim().startsWith('#'));
    for (const comment of before) expect(out).toContain(comment.trim());
  });
});

describe('timeReading', () => {
  it('shows how the engine reads a Waktu cell', () => {
    expect(timeReading('1 hari kerja')).toEqual({ ok: true, text: '= 1 hari kerja' });
    expect(timeReading('3-4 hari')).toEqual({ ok: true, text: '= 3-4 hari kerja' });
    expect(timeReading('15 Menit')).toEqual({ ok: true, text: '= 15 menit' });
    expect(timeReading('N/A')).toEqual({ ok: true, text: 'tanpa baku mutu waktu' });
    expect(timeReading('segera').ok).toBe(false);
    expect(timeReading('30 menit / 1 hari').ok).toBe(false);
  });
});
