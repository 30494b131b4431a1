import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../engine/core/applyCommand.ts';
import type { CaseCommand, CaseState, EngineContext } from '../../engine/core/caseTypes.ts';
import { outsidePartyOf } from '../../engine/app/caseData/outsideParty.ts';
import { jointContext, jointExe } from './support/jointFixture.ts';

const loket = jointContext('2025-03-03T02:00:00Z', ['petugas'], 'Loket');
const kabid = jointContext('2025-03-03T03:00:00Z', ['kabid'], 'Kabid');
const kadis = jointContext('2025-03-03T04:00:00Z', ['kadis'], 'Kadis');

async function run(state: CaseState | undefined, command: CaseCommand, context: EngineContext): Promise<CaseState> {
  const result = await applyCommand(jointExe, state, command, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.state;
}

const openTask = (state: CaseState, role: string) => state.tasks.find((t) => t.status === 'open' && t.role === role)!;

/** A case at the joint assessment, documents received. */
async function atAssessment(age = 70): Promise<CaseState> {
  const started = await run(
    undefined,
    { type: 'start', caseId: 'c1', data: { nik: '3526010101010001', fullName: 'Ani', age } },
    loket,
  );
  return run(
    started,
    { type: 'complete', taskId: openTask(started, 'petugas').id, checklist: { ktp: true, kk: true } },
    loket,
  );
}

describe('joint steps: each participant answers for themself, the decider decides', () => {
  it('an outside party recorded by a participant makes one task with them, not a second one', async () => {
    const state = await atAssessment();
    const tasks = state.tasks.filter((t) => t.stepId === 'asesmen');
    expect(tasks.map((t) => [t.actorId, t.role, t.with ?? []])).toEqual([
      ['loket', 'petugas', []],
      ['kabid', 'kabid', ['panti']],
    ]);
  });

  it("keeps each participant's answers on their task, shares only the decider's, and flags a disagreement", async () => {
    let state = await atAssessment();
    // The decider (loket) says not neglected; the kabid (with Panti) says neglected and finishes last.
    state = await run(
      state,
      {
        type: 'complete',
        taskId: openTask(state, 'petugas').id,
        formData: { notes: 'rumah ada keluarga' },
        checklist: { kk: true },
      },
      loket,
    );
    expect(state.data.neglected).toBe(false);
    const result = await applyCommand(
      jointExe,
      state,
      {
        type: 'complete',
        taskId: openTask(state, 'kabid').id,
        formData: { neglected: true, notes: 'telantar' },
        checklist: { ktp: true },
      },
      kabid,
    );
    if (!result.ok) throw new Error(result.error.message);
    const after = result.state;
    const done = after.tasks.filter((t) => t.stepId === 'asesmen');
    expect(done.map((t) => [t.actorId, t.formData?.neglected, t.completedByName])).toEqual([
      ['loket', false, 'Loket'],
      ['kabid', true, 'Kabid'],
    ]);
    // The shared data and the branch are the decider's: the later answer did not overwrite them.
    expect(after.data.neglected).toBe(false);
    expect(after.data.notes).toBe('rumah ada keluarga');
    expect(after.status).toBe('rejected');
    const flagged = result.events.find((e) => e.type === 'step.disagreement');
    expect(flagged?.payload).toEqual({
      decidedBy: 'loket',
      fields: [
        {
          field: 'neglected',
          title: 'Kondisi telantar',
          values: [
            { actorId: 'loket', value: false },
            { actorId: 'kabid', value: true },
          ],
        },
      ],
    });
    expect(after.disagreements).toEqual([{ stepId: 'asesmen', at: kabid.now.toISOString(), fields: ['neglected'] }]);
  });

  it('agreeing participants leave no flag; a decision by hand counts only the decider, a differing choice is flagged', async () => {
    let state = await atAssessment();
    state = await run(
      state,
      {
        type: 'complete',
        taskId: openTask(state, 'petugas').id,
        formData: { neglected: true },
        checklist: { ktp: true },
      },
      loket,
    );
    state = await run(
      state,
      { type: 'complete', taskId: openTask(state, 'kabid').id, formData: { neglected: true }, checklist: { kk: true } },
      kabid,
    );
    expect(state.disagreements).toBeUndefined();
    expect(state.currentStepId).toBe('keputusan');
    // The kabid is not the decider: no choice needed from him, but his differing one is kept.
    state = await run(state, { type: 'complete', taskId: openTask(state, 'kabid').id, choice: 'Tolak' }, kabid);
    const refused = await applyCommand(
      jointExe,
      state,
      { type: 'complete', taskId: openTask(state, 'kadis').id },
      kadis,
    );
    expect(refused.ok ? undefined : refused.error.code).toBe('CHOICE_REQUIRED');
    const result = await applyCommand(
      jointExe,
      state,
      { type: 'complete', taskId: openTask(state, 'kadis').id, choice: 'Setuju' },
      kadis,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.state.status).toBe('completed');
    expect(result.events.find((e) => e.type === 'decision.taken')?.payload).toMatchObject({ label: 'Setuju' });
    expect(result.events.find((e) => e.type === 'step.disagreement')?.payload.fields[0]).toMatchObject({
      field: 'choice',
      values: [
        { actorId: 'kadis', value: 'Setuju' },
        { actorId: 'kabid', value: 'Tolak' },
      ],
    });
  });
});

describe('requirements as they are', () => {
  it('"KTP atau KK" is met by either; equipment is never demanded', async () => {
    const state = await atAssessment();
    const none = await applyCommand(
      jointExe,
      state,
      { type: 'complete', taskId: openTask(state, 'petugas').id, formData: {} },
      loket,
    );
    expect(none.ok ? undefined : none.error.details).toEqual([
      { path: '/checklist/ktp', message: 'KTP atau Kartu Keluarga' },
    ]);
    const withKk = await applyCommand(
      jointExe,
      state,
      { type: 'complete', taskId: openTask(state, 'petugas').id, formData: {}, checklist: { kk: true } },
      loket,
    );
    expect(withKk.ok).toBe(true);
  });
});

describe('a send-back keeps its message', () => {
  it('the re-opened task carries the reason, the missing documents and the ticks already received', async () => {
    let state = await atAssessment();
    state = await run(
      state,
      { type: 'sendBack', taskId: openTask(state, 'petugas').id, reason: 'KK buram', missing: ['kk'] },
      loket,
    );
    const reopened = openTask(state, 'petugas');
    expect(reopened.stepId).toBe('pengajuan');
    expect(reopened.returned).toEqual({
      at: loket.now.toISOString(),
      fromStepId: 'asesmen',
      byName: 'Loket',
      reason: 'KK buram',
      missing: ['kk'],
      kept: { ktp: true },
    });
    expect(state.sentBack).toMatchObject({ toStepId: 'pengajuan', missing: ['kk'] });
    state = await run(state, { type: 'complete', taskId: reopened.id, checklist: { ktp: true, kk: true } }, loket);
    expect(state.sentBack).toBeUndefined();
  });
});

describe('data you can trust', () => {
  it('an unticked checkbox is stored as false, not left empty', async () => {
    let state = await atAssessment();
    state = await run(
      state,
      { type: 'complete', taskId: openTask(state, 'petugas').id, formData: {}, checklist: { ktp: true } },
      loket,
    );
    expect(state.data.neglected).toBe(false);
    expect(state.tasks.find((t) => t.actorId === 'loket')?.formData).toEqual({ neglected: false });
  });

  it('going on to a granting decision with failed Kriteria Sasaran needs a reason, which is recorded', async () => {
    let state = await atAssessment(45);
    expect(state.eligibility?.passed).toBe(false);
    state = await run(
      state,
      {
        type: 'complete',
        taskId: openTask(state, 'petugas').id,
        formData: { neglected: true },
        checklist: { ktp: true },
      },
      loket,
    );
    const command = {
      type: 'complete' as const,
      taskId: openTask(state, 'kabid').id,
      formData: { neglected: true },
      checklist: { ktp: true },
    };
    const refused = await applyCommand(jointExe, state, command, kabid);
    expect(refused.ok ? undefined : refused.error).toMatchObject({ code: 'REASON_REQUIRED', path: '/overrideReason' });
    const result = await applyCommand(
      jointExe,
      state,
      { ...command, overrideReason: 'Lansia tanpa dokumen usia, tampak di atas 60' },
      kabid,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.events.find((e) => e.type === 'eligibility.overridden')?.payload).toEqual({
      reason: 'Lansia tanpa dokumen usia, tampak di atas 60',
      branch: 'keputusan',
      failed: ['Berusia 60 tahun ke atas'],
    });
  });

  it('a refusal with failed criteria needs no reason', async () => {
    let state = await atAssessment(45);
    state = await run(
      state,
      { type: 'complete', taskId: openTask(state, 'petugas').id, formData: {}, checklist: { ktp: true } },
      loket,
    );
    state = await run(
      state,
      { type: 'complete', taskId: openTask(state, 'kabid').id, formData: {}, checklist: { ktp: true } },
      kabid,
    );
    expect(state.status).toBe('rejected');
  });
});

describe('an outside party waits, the desk works', () => {
  it("a later step of an outside party waits for them; the opening one and a returned one are the officer's work", () => {
    const definition = {
      ...jointExe.definition,
      steps: jointExe.definition.steps.map((s) =>
        s.id === 'keputusan' ? { ...s, actors: ['panti'], actorMode: 'single' as const } : s,
      ),
    };
    expect(outsidePartyOf(definition, { actorId: 'panti', stepId: 'keputusan' }, false)).toBe('Panti');
    expect(outsidePartyOf(definition, { actorId: 'panti', stepId: 'keputusan' }, true)).toBeNull();
    expect(outsidePartyOf(definition, { actorId: 'pemohon', stepId: 'pengajuan' }, false)).toBeNull();
    expect(outsidePartyOf(definition, { actorId: 'loket', stepId: 'asesmen' }, false)).toBeNull();
  });
});
