import { describe, expect, it } from 'vitest';
import { eventsInView, OTHER_PERSON_REASON } from '../../engine/app/caseData/eventsInView.ts';
import { personsRead, personViewOf } from '../../engine/app/caseData/personView.ts';
import { hiddenTaskIds, stateInView } from '../../engine/app/caseData/stateInView.ts';
import { profileFromRoles } from '../../engine/app/permissions/accessProfile.ts';
import type { CaseState, TaskState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';

// The roles of the block fixture's regency: the unit's desk and kabid, the kadis, and a TKSK outside any unit.
const regency = {
  units: [{ id: 'umum' }],
  roles: [
    { id: 'petugas', name: 'Petugas', unit: 'umum', kind: 'staff' as const },
    { id: 'kabid', name: 'Kabid', unit: 'umum', kind: 'kabid' as const },
    { id: 'kadis', name: 'Kadis', kind: 'kadis' as const },
    { id: 'tksk', name: 'TKSK', kind: 'staff' as const },
  ],
};
const sops = [{ sopId: 'bantuan', unit: 'umum', confidential: false }];
const profile = (id: string, roles: string[]) =>
  profileFromRoles({ id, regencyId: 'testkab', roles }, [], regency, sops);
const definition = { steps: [{ forEach: { list: 'penerima', start: 'asesmen', join: 'rekap' } }] } as const;

const task = (id: string, extra: Partial<TaskState>): TaskState => ({
  id,
  stepId: 'asesmen',
  actorId: 'loket',
  role: 'petugas',
  status: 'open',
  createdAt: '2026-12-07T01:00:00.000Z',
  ...extra,
});
const person = (index: number, label: string) => ({ item: { list: 'penerima', index, count: 3, label } });

function caseWith(tasks: TaskState[], extra: Partial<CaseState> = {}): CaseState {
  return {
    id: 'k1',
    regency: 'testkab',
    sopId: 'bantuan',
    revision: 3,
    status: 'open',
    data: { lokasi: 'Tenggarong', penerima: [{ nama: 'Siti' }, { nama: 'Darmo' }, { nama: 'Rina' }] },
    tasks,
    openedAt: '2026-12-07T01:00:00.000Z',
    taskSeq: tasks.length,
    eventSeq: 0,
    persons: 3,
    ...extra,
  };
}

describe('who gets which persons of a per-person list', () => {
  const returned = { at: '2026-12-07T02:00:00.000Z', fromStepId: 'penyerahan', byName: 'Loket', missing: [], kept: {} };
  const state = caseWith(
    [
      task('t1', { ...person(0, 'Siti'), status: 'completed', formData: { kebutuhan: 'Tenda' }, choice: 'Lainnya' }),
      task('t2', { ...person(1, 'Darmo'), assignee: 'u-tksk' }),
      task('t3', { ...person(2, 'Rina'), returned: { ...returned, reason: 'Data Rina kurang' } }),
    ],
    {
      sentBack: {
        at: returned.at,
        fromStepId: 'penyerahan',
        toStepId: 'asesmen',
        reason: 'Data Rina kurang',
        missing: [],
      },
    },
  );

  it('a TKSK given one person gets that person only; the others keep their place as null', () => {
    const view = personViewOf({ state, definition, access: profile('u-tksk', ['tksk']) });
    expect(personsRead(view)).toEqual({ persons: { penerima: [1] } });
    const shown = stateInView(state, view);
    expect(shown.data).toEqual({ lokasi: 'Tenggarong', penerima: [null, { nama: 'Darmo' }, null] });
    expect(shown.tasks[0]).toEqual(task('t1', { item: { list: 'penerima', index: 0, count: 3 }, status: 'completed' }));
    expect(shown.tasks[1]).toBe(state.tasks[1]);
    // The send-back went to Rina's task: its reason is not shown to Darmo's TKSK.
    expect(shown.sentBack).toBeUndefined();
    expect(JSON.stringify(shown)).not.toMatch(/Siti|Rina|Tenda/);
  });

  it("the same TKSK asking for another person's task gets nobody of the list", () => {
    const view = personViewOf({ state, definition, access: profile('u-tksk', ['tksk']), taskId: 't1' });
    expect(personsRead(view)).toEqual({ persons: { penerima: [] } });
  });

  it('office, unit and work outside the list each hold the whole case; a task narrows it to its person', () => {
    for (const access of [
      profile('u-kadis', ['kadis']),
      profile('u-kabid', ['kabid']),
      profile('u-loket', ['petugas']),
    ])
      expect(personsRead(personViewOf({ state, definition, access }))).toEqual({ persons: { penerima: 'all' } });
    // A TKSK who also did the case's own step (outside the list) holds the whole case.
    const withOwnStep = caseWith([...state.tasks, task('t0', { stepId: 'rekap', role: 'tksk', status: 'completed' })]);
    const tksk = profile('u-tksk', ['tksk']);
    expect(personsRead(personViewOf({ state: withOwnStep, definition, access: tksk }))).toEqual({
      persons: { penerima: 'all' },
    });
    const onTask = personViewOf({ state, definition, access: profile('u-kadis', ['kadis']), taskId: 't3' });
    expect(stateInView(state, onTask).data.penerima).toEqual([null, null, { nama: 'Rina' }]);
    expect(stateInView(state, onTask).sentBack).toEqual(state.sentBack);
    expect(() => personViewOf({ state, definition, access: tksk, taskId: 'nope' })).toThrow(/tidak ada pada kasus/);
  });

  it("another person's task events keep where the work stood, not the answers or the reason", () => {
    const view = personViewOf({ state, definition, access: profile('u-tksk', ['tksk']) });
    const by = { userId: 'u-loket', name: 'Loket' };
    const events: Array<CaseEvent & { id: number }> = [
      {
        id: 1,
        seq: 1,
        at: returned.at,
        by,
        taskId: 't1',
        type: 'task.completed',
        payload: { formData: { kebutuhan: 'Tenda' }, checklist: {}, attachments: [], note: 'Siti' },
      },
      {
        id: 2,
        seq: 2,
        at: returned.at,
        by,
        taskId: 't3',
        type: 'case.sentBack',
        payload: { from: 'penyerahan', to: 'asesmen', reason: 'Data Rina kurang', missing: [] },
      },
      {
        id: 3,
        seq: 3,
        at: returned.at,
        by,
        taskId: 't2',
        type: 'task.completed',
        payload: { formData: { kebutuhan: 'Obat' }, checklist: {}, attachments: [] },
      },
    ];
    const shown = eventsInView(events, hiddenTaskIds(state, view));
    expect(shown.map((e) => e.payload)).toEqual([
      { checklist: {}, attachments: [] },
      { from: 'penyerahan', to: 'asesmen', reason: OTHER_PERSON_REASON, missing: [] },
      { formData: { kebutuhan: 'Obat' }, checklist: {}, attachments: [] },
    ]);
  });
});
