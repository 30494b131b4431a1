import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../engine/core/applyCommand.ts';
import type { CaseCommand, CaseState, EngineContext, TaskState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { blocksContext, blocksExe } from './support/blocksFixture.ts';

const loket = blocksContext('2025-03-03T02:00:00Z', ['petugas'], 'Loket');
const desa = blocksContext('2025-03-03T03:00:00Z', ['desa'], 'Desa');
const puskesmas = blocksContext('2025-03-03T03:30:00Z', ['puskesmas'], 'Puskesmas');
const kabid = blocksContext('2025-03-03T04:00:00Z', ['kabid'], 'Kabid');

const events: CaseEvent[] = [];

async function run(state: CaseState | undefined, command: CaseCommand, context: EngineContext): Promise<CaseState> {
  const result = await applyCommand(blocksExe, state, command, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  events.push(...result.events);
  return result.state;
}

const open = (state: CaseState): TaskState[] => state.tasks.filter((t) => t.status === 'open');
const openAt = (state: CaseState, stepId: string): TaskState[] => open(state).filter((t) => t.stepId === stepId);
const ofType = (type: string): CaseEvent[] => events.filter((e) => e.type === type);

const people = [
  { nama: 'Siti Aminah', usia: 34 },
  { nama: 'Pak Darmo', usia: 71 },
  { nama: 'Rina', usia: 9 },
];

/** A case whose recording step is done: the desa and the puskesmas verify at once. */
async function forked(penerima: unknown[] = people): Promise<CaseState> {
  events.length = 0;
  const started = await run(
    undefined,
    { type: 'start', caseId: 'b1', data: { lokasi: 'Tenggarong', penerima } },
    loket,
  );
  return run(started, { type: 'complete', taskId: openAt(started, 'pendataan')[0]!.id }, loket);
}

/** Both branches done: the case is at the per-person recap. */
async function atRecap(penerima: unknown[] = people): Promise<CaseState> {
  let state = await forked(penerima);
  state = await run(state, { type: 'complete', taskId: openAt(state, 'verifikasi-desa')[0]!.id }, desa);
  state = await run(state, { type: 'complete', taskId: openAt(state, 'kirim-desa')[0]!.id }, loket);
  return run(
    state,
    {
      type: 'complete',
      taskId: openAt(state, 'verifikasi-puskesmas')[0]!.id,
      formData: { wabah: false },
      choice: 'Aman',
    },
    puskesmas,
  );
}

describe('parallel blocks: branches run at once and meet at the join', () => {
  it('a fork opens one task per branch, each knowing its branch; the case stays at the fork step', async () => {
    const state = await forked();
    expect(open(state).map((t) => [t.stepId, t.branch, t.role])).toEqual([
      ['verifikasi-desa', 'verifikasi-desa', 'desa'],
      ['verifikasi-puskesmas', 'verifikasi-puskesmas', 'puskesmas'],
    ]);
    expect(state.currentStepId).toBe('pendataan');
    expect(state.blocks).toEqual([
      { stepId: 'pendataan', kind: 'parallel', join: 'rekap', waiting: ['verifikasi-desa', 'verifikasi-puskesmas'] },
    ]);
    expect(ofType('block.forked').map((e) => e.type === 'block.forked' && e.payload)).toEqual([
      { kind: 'parallel', join: 'rekap', branches: ['verifikasi-desa', 'verifikasi-puskesmas'], count: 2 },
    ]);
    // Each task has its own deadline from its own step's time.
    expect(openAt(state, 'verifikasi-desa')[0]!.dueAt).toBeDefined();
  });

  it('the join opens exactly once, when the last branch arrives', async () => {
    let state = await forked();
    state = await run(state, { type: 'complete', taskId: openAt(state, 'verifikasi-desa')[0]!.id }, desa);
    expect(openAt(state, 'kirim-desa')[0]!.branch).toBe('verifikasi-desa');
    state = await run(state, { type: 'complete', taskId: openAt(state, 'kirim-desa')[0]!.id }, loket);
    expect(openAt(state, 'rekap')).toEqual([]);
    expect(ofType('block.arrived').map((e) => e.type === 'block.arrived' && e.payload.waiting)).toEqual([1]);
    state = await run(
      state,
      {
        type: 'complete',
        taskId: openAt(state, 'verifikasi-puskesmas')[0]!.id,
        formData: { wabah: false },
        choice: 'Aman',
      },
      puskesmas,
    );
    expect(open(state).map((t) => t.stepId)).toEqual(['rekap']);
    expect(openAt(state, 'rekap')[0]!.branch).toBeUndefined();
    expect(state.currentStepId).toBe('rekap');
    expect(state.blocks).toBeUndefined();
    expect(ofType('block.joined')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'step.entered' && e.stepId === 'rekap')).toHaveLength(1);
  });

  it('an ending in one branch ends the case and cancels the other branch', async () => {
    const state = await run(
      await forked(),
      {
        type: 'complete',
        taskId: openAt(await forked(), 'verifikasi-puskesmas')[0]!.id,
        formData: { wabah: true },
        choice: 'Tidak aman',
      },
      puskesmas,
    );
    expect(state.status).toBe('rejected');
    expect(open(state)).toEqual([]);
    const desaTask = state.tasks.find((t) => t.stepId === 'verifikasi-desa')!;
    expect(desaTask.status).toBe('cancelled');
    expect(state.blocks).toBeUndefined();
  });

  it('a send-back inside a branch stays in the branch; the other branch keeps working', async () => {
    let state = await forked();
    state = await run(state, { type: 'complete', taskId: openAt(state, 'verifikasi-desa')[0]!.id }, desa);
    const puskesmasTask = openAt(state, 'verifikasi-puskesmas')[0]!;
    state = await run(
      state,
      { type: 'sendBack', taskId: openAt(state, 'kirim-desa')[0]!.id, reason: 'Alamat dua korban keliru' },
      loket,
    );
    expect(openAt(state, 'verifikasi-desa').map((t) => [t.branch, t.returned?.reason])).toEqual([
      ['verifikasi-desa', 'Alamat dua korban keliru'],
    ]);
    expect(openAt(state, 'verifikasi-puskesmas').map((t) => t.id)).toEqual([puskesmasTask.id]);
  });

  it('cancelling the case closes every open task of every branch', async () => {
    const state = await run(await forked(), { type: 'cancel', reason: 'Laporan ganda' }, loket);
    expect(state.status).toBe('cancelled');
    expect(open(state)).toEqual([]);
    expect(state.tasks.filter((t) => t.status === 'cancelled').map((t) => t.stepId)).toEqual([
      'verifikasi-desa',
      'verifikasi-puskesmas',
    ]);
  });
});

describe('per-person blocks: the work from `start` runs once per person of the list', () => {
  it('opens one task per person, with their position, the count and their name', async () => {
    const state = await run(
      await atRecap(),
      { type: 'complete', taskId: openAt(await atRecap(), 'rekap')[0]!.id },
      loket,
    );
    expect(openAt(state, 'asesmen').map((t) => t.item)).toEqual([
      { list: 'penerima', index: 0, count: 3, label: 'Siti Aminah' },
      { list: 'penerima', index: 1, count: 3, label: 'Pak Darmo' },
      { list: 'penerima', index: 2, count: 3, label: 'Rina' },
    ]);
    expect(state.currentStepId).toBe('rekap');
    // The event keeps the position, never the name (it outlives anonymisation).
    const entered = events.find((e) => e.type === 'step.entered' && e.stepId === 'asesmen');
    expect(JSON.stringify(entered)).not.toContain('Siti');
  });

  it("each person's form writes into their own item; their rule decision reads their own fields", async () => {
    let state = await atRecap();
    state = await run(state, { type: 'complete', taskId: openAt(state, 'rekap')[0]!.id }, loket);
    const [siti, darmo] = openAt(state, 'asesmen');
    state = await run(
      state,
      { type: 'complete', taskId: darmo!.id, formData: { kebutuhan: 'Obat dan selimut' } },
      loket,
    );
    state = await run(state, { type: 'complete', taskId: siti!.id, formData: { kebutuhan: 'Beras' } }, loket);
    expect(state.data.penerima).toEqual([
      { nama: 'Siti Aminah', usia: 34, kebutuhan: 'Beras' },
      { nama: 'Pak Darmo', usia: 71, kebutuhan: 'Obat dan selimut' },
      { nama: 'Rina', usia: 9 },
    ]);
    expect(state.data.kebutuhan).toBeUndefined();
    // Pak Darmo (71) goes to the joint accompaniment, Siti (34) straight to the hand-over.
    expect(openAt(state, 'pendampingan').map((t) => [t.item?.index, t.actorId])).toEqual([
      [1, 'loket'],
      [1, 'kabid'],
    ]);
    expect(openAt(state, 'penyerahan').map((t) => t.item?.index)).toEqual([0]);
  });

  it("joint lanes inside a person's work finish only that person's step; the join waits for everyone, once", async () => {
    let state = await atRecap();
    state = await run(state, { type: 'complete', taskId: openAt(state, 'rekap')[0]!.id }, loket);
    for (const task of openAt(state, 'asesmen'))
      state = await run(state, { type: 'complete', taskId: task.id, formData: { kebutuhan: 'Beras' } }, loket);
    const [withLoket, withKabid] = openAt(state, 'pendampingan');
    state = await run(state, { type: 'complete', taskId: withLoket!.id }, loket);
    expect(openAt(state, 'pendampingan').map((t) => t.id)).toEqual([withKabid!.id]);
    state = await run(state, { type: 'complete', taskId: withKabid!.id }, kabid);
    const handOvers = openAt(state, 'penyerahan').sort((a, b) => a.item!.index - b.item!.index);
    expect(handOvers.map((t) => t.item?.index)).toEqual([0, 1, 2]);
    for (const task of handOvers.slice(0, 2)) {
      state = await run(state, { type: 'complete', taskId: task.id, formData: { diterima: true } }, loket);
      expect(openAt(state, 'persetujuan')).toEqual([]);
    }
    state = await run(state, { type: 'complete', taskId: handOvers[2]!.id, formData: { diterima: false } }, loket);
    expect(open(state).map((t) => t.stepId)).toEqual(['persetujuan']);
    expect(events.filter((e) => e.type === 'block.joined')).toHaveLength(2);
    expect((state.data.penerima as Array<{ diterima?: boolean }>).map((p) => p.diterima)).toEqual([true, true, false]);
  });

  it("a send-back for one person re-opens only that person's assessment", async () => {
    let state = await atRecap();
    state = await run(state, { type: 'complete', taskId: openAt(state, 'rekap')[0]!.id }, loket);
    const [, , rina] = openAt(state, 'asesmen');
    state = await run(state, { type: 'complete', taskId: rina!.id, formData: { kebutuhan: 'Susu' } }, loket);
    const handOver = openAt(state, 'penyerahan')[0]!;
    state = await run(state, { type: 'sendBack', taskId: handOver.id, reason: 'Kebutuhan belum tepat' }, loket);
    expect(openAt(state, 'asesmen').map((t) => [t.item?.index, t.returned?.reason ?? null])).toEqual([
      [0, null],
      [1, null],
      [2, 'Kebutuhan belum tepat'],
    ]);
  });

  it('an empty list goes straight to the join', async () => {
    let state = await atRecap([]);
    state = await run(state, { type: 'complete', taskId: openAt(state, 'rekap')[0]!.id }, loket);
    expect(open(state).map((t) => t.stepId)).toEqual(['persetujuan']);
    expect(ofType('block.forked').at(-1)).toMatchObject({ payload: { kind: 'forEach', count: 0 } });
    expect(state.blocks).toBeUndefined();
  });
});
