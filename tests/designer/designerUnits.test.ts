import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { designerStatus } from '../../engine/app/designer/designerStatus.ts';
import type { ReviewEntry } from '../../engine/storage/designer/draftStore.ts';
import { lineDiff } from '../../engine/app/designer/lineDiff.ts';
import { unzipPack } from '../../engine/app/designer/inflatePack.ts';
import { zipPack } from '../../engine/app/designer/packFiles.ts';
import { checkPack } from '../../engine/app/designer/packImport.ts';
import { newSopTemplate } from '../../engine/app/designer/sopTemplate.ts';
import { readTopLevel, setTopLevel } from '../../engine/app/designer/sourceEdits.ts';
import { buildWorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { applyCommand } from '../../engine/core/applyCommand.ts';
import type { CaseState, EngineContext } from '../../engine/core/caseTypes.ts';
import { compileSop } from '../../engine/core/compileSop.ts';
import { loadRegencySource, loadSopSource } from '../../engine/definition/loadDefinitionSource.ts';

const root = join(import.meta.dirname, '../../sop-definitions');
const regencyOf = (id: string) =>
  loadRegencySource(readFileSync(join(root, id, 'regency.yaml')), 'regency.yaml', id).regency!;
const kutai = regencyOf('kutai-kartanegara');
const review = (revision: number, action: ReviewEntry['action']): ReviewEntry => ({
  sopId: 's',
  revision,
  action,
  version: null,
  note: null,
  by: 'u',
  byName: 'U',
  at: '',
});

describe('designer services (pure parts)', () => {
  it('the template is a valid SOP in every regency, with its roles and head of office', () => {
    for (const id of ['kutai-kartanegara', 'bangkalan', 'bengkayang']) {
      const regency = regencyOf(id);
      const source = newSopTemplate(regency, 'layanan-baru', 'Layanan Baru');
      const load = loadSopSource(new TextEncoder().encode(source), 'layanan-baru.yaml', { regency, folderName: id });
      expect(load.errors, id).toEqual([]);
      expect(load.definition!.steps.map((s) => s.id)).toEqual(['pengajuan', 'verifikasi', 'persetujuan']);
    }
    expect(newSopTemplate(kutai, 'a', 'A')).toContain('role: ketua-tim-pengaduan');
  });

  it('sets top-level values without touching the rest of the text', () => {
    const source = readFileSync(join(root, 'kutai-kartanegara/bantuan-sandang.yaml'), 'utf8');
    const edited = setTopLevel(source, { status: 'draft', id: 'salinan' });
    expect(edited.replace('status: draft', 'status: published').replace('id: salinan', 'id: bantuan-sandang')).toBe(
      source,
    );
    expect(readTopLevel(edited, 'status')).toBe('draft');
    expect(setTopLevel('name: x\n', { status: 'draft' })).toBe('status: draft\nname: x\n');
    expect(setTopLevel('name: [', { status: 'draft' })).toBe('name: [');
    expect(readTopLevel('name: "a: b"\n', 'name')).toBe('a: b');
  });

  it('diffs lines with context and gaps', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const diff = lineDiff(before, after, 2);
    expect(diff).toMatchObject({ added: 1, removed: 1 });
    expect(diff.lines[0]).toEqual({ kind: 'gap', count: 8 });
    expect(diff.lines.filter((l) => l.kind === 'removed')).toEqual([
      { kind: 'removed', text: 'line 10', oldLine: 11, newLine: null },
    ]);
    expect(lineDiff('a\n', 'a\n').lines).toEqual([{ kind: 'gap', count: 1 }]);
  });

  it('derives the designer status from the newest revision and its review', () => {
    expect(designerStatus(undefined, undefined, true)).toBe('published');
    expect(designerStatus(undefined, undefined, false)).toBe('draft');
    expect(designerStatus(3, review(3, 'submitted'), true)).toBe('submitted');
    expect(designerStatus(4, review(3, 'submitted'), true)).toBe('draft');
    expect(designerStatus(3, review(3, 'published'), true)).toBe('published');
    expect(designerStatus(3, review(3, 'returned'), true)).toBe('draft');
  });

  it('reads YAML files out of a zip at any depth and writes packs back', async () => {
    const zip = zipSync({
      'pack/a.yaml': strToU8('id: a'),
      'pack/sub/b.yml': strToU8('id: b'),
      'pack/readme.txt': strToU8('x'),
      '__MACOSX/pack/._a.yaml': strToU8('junk'),
    });
    expect(await unzipPack(zip)).toEqual([
      { name: 'a.yaml', content: 'id: a' },
      { name: 'b.yml', content: 'id: b' },
    ]);
    expect(await unzipPack(zipPack('kab', [{ name: 'c.yaml', content: 'id: c' }]))).toEqual([
      { name: 'c.yaml', content: 'id: c' },
    ]);
    await expect(unzipPack(strToU8('not a zip'))).rejects.toThrow(/zip/);
  });

  it('reports every file of a pack before anything is saved', () => {
    const good = newSopTemplate(kutai, 'satu', 'Satu');
    const report = checkPack(
      kutai,
      [
        { name: 'satu.yaml', content: good },
        { name: 'dua.yaml', content: good },
        { name: 'regency.yaml', content: 'x' },
      ],
      new Map([['satu', 4]]),
    );
    expect(report.valid).toBe(false);
    expect(report.files.map((f) => [f.file, f.action, f.baseRevision, f.errors.map((e) => e.code)])).toEqual([
      ['satu.yaml', 'update', 4, []],
      ['dua.yaml', 'update', 4, ['DUPLICATE_SOP_ID']],
      ['regency.yaml', 'skip', 0, []],
    ]);
    expect(checkPack(kutai, [{ name: 'satu.yaml', content: good }], new Map()).valid).toBe(true);
    expect(checkPack(kutai, [{ name: 'regency.yaml', content: 'x' }], new Map()).valid).toBe(false);
  });
});

describe('migrate command (pure engine)', () => {
  const calendar = buildWorkingCalendar(kutai.calendar);
  const v1Source = newSopTemplate(kutai, 'uji', 'Uji');
  const load = (source: string) =>
    compileSop(
      loadSopSource(new TextEncoder().encode(source), 'uji.yaml', { regency: kutai, folderName: kutai.id }).definition!,
    );
  const v1 = load(v1Source);
  const context = (minutes: number): EngineContext => ({
    now: new Date(Date.UTC(2025, 2, 3, 1, minutes)),
    calendar,
    by: { userId: 'u', name: 'Pengesah', roles: ['petugas-pengaduan'] },
  });
  async function runningCase(): Promise<CaseState> {
    const started = await applyCommand(
      v1,
      undefined,
      { type: 'start', caseId: 'c1', data: { fullName: 'Budi', nik: '6402010102500009' } },
      context(0),
    );
    if (!started.ok) throw new Error(started.error.message);
    return started.state;
  }

  it('keeps the case on its step, keeps matching tasks and reports missing required data', async () => {
    const changed = parse(v1Source) as {
      caseData: { schema: { required: string[]; properties: Record<string, unknown> } };
    };
    changed.caseData.schema.required.push('phone');
    changed.caseData.schema.properties.phone = { type: 'string', title: 'Nomor HP' };
    const v2 = load(stringify(changed));
    const state = await runningCase();
    const moved = await applyCommand(v2, state, { type: 'migrate', fromVersion: 1, toVersion: 2 }, context(5));
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.state.currentStepId).toBe('pengajuan');
    expect(moved.state.tasks.filter((t) => t.status === 'open').map((t) => t.id)).toEqual(state.tasks.map((t) => t.id));
    expect(moved.events.map((e) => e.type)).toEqual(['case.migrated']);
    expect(moved.events[0]!.payload).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      stepId: 'pengajuan',
      missingData: [{ field: 'phone', title: 'Nomor HP' }],
      cancelledTasks: [],
      createdTasks: [],
    });
  });

  it('replaces tasks whose lane changed role, and refuses when the step is gone or the case ended', async () => {
    const state = await runningCase();
    const otherRole = load(v1Source.replace('recordedBy: petugas-pengaduan', 'recordedBy: staf-linjamsos'));
    const moved = await applyCommand(otherRole, state, { type: 'migrate', fromVersion: 1, toVersion: 2 }, context(5));
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.state.tasks.map((t) => [t.role, t.status])).toEqual([
      ['petugas-pengaduan', 'cancelled'],
      ['staf-linjamsos', 'open'],
    ]);
    expect(moved.events.map((e) => e.type)).toEqual(['case.migrated', 'task.cancelled']);
    const renamed = load(v1Source.replaceAll('pengajuan', 'permohonan'));
    const refused = await applyCommand(renamed, state, { type: 'migrate', fromVersion: 1, toVersion: 2 }, context(5));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('"pengajuan" tidak ada pada versi baru');
    const cancelled = await applyCommand(v1, state, { type: 'cancel', reason: 'ditarik' }, context(6));
    if (!cancelled.ok) throw new Error(cancelled.error.message);
    const closed = await applyCommand(
      v1,
      cancelled.state,
      { type: 'migrate', fromVersion: 1, toVersion: 2 },
      context(7),
    );
    expect(closed.ok ? 'moved' : closed.error.code).toBe('CASE_NOT_OPEN');
  });
});
