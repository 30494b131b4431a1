import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { firstChecklist, openCase } from '../security/support/securityFixture.ts';

const ROUNDS = 50;
type CaseBody = { id: string; tasks: TaskState[]; status: string; currentStepId?: string };

describe(`two staff finishing their own parallel tasks of one case at once both succeed (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  /** Opens a bantuan-permakanan case and brings it to `asesmen`, done together by staf-rehsos and tksk. */
  async function caseAtAssessment(): Promise<{ caseId: string; rehsos: TaskState; tksk: TaskState }> {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const kadis = await test.as('kutai-kartanegara', 'kepala-dinas');
    const opened = await openCase(test);
    const proposal = await staff.post<CaseBody>(`/api/tasks/${opened.tasks[0]!.id}/complete`, {
      checklist: firstChecklist,
    });
    if (proposal.status !== 200) throw new Error(`usulan: ${proposal.status} ${JSON.stringify(proposal.body)}`);
    const order = proposal.body.tasks.find((t) => t.status === 'open')!;
    const disposed = await kadis.post<CaseBody>(`/api/tasks/${order.id}/complete`, {
      checklist: { 'berkas-permohonan': true },
    });
    if (disposed.status !== 200) throw new Error(`disposisi: ${disposed.status} ${JSON.stringify(disposed.body)}`);
    const open = disposed.body.tasks.filter((t) => t.status === 'open' && t.stepId === 'asesmen');
    return {
      caseId: opened.id,
      rehsos: open.find((t) => t.role === 'staf-rehsos')!,
      tksk: open.find((t) => t.role === 'tksk')!,
    };
  }

  it(`${ROUNDS} rounds: both completions answer 200 and the case moves on once`, async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const tksk = await test.as('kutai-kartanegara', 'tksk');
    const input = {
      formData: {
        assessmentDate: '2026-01-05',
        selfCareAbility: 'Tidak mampu',
        findings: 'Rumah tidak layak huni',
        eligible: true,
      },
      checklist: { 'formulir-asesmen': true },
    };
    const statuses: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { caseId, rehsos, tksk: theirs } = await caseAtAssessment();
      expect(rehsos && theirs, 'two open asesmen tasks').toBeTruthy();
      const answers = await Promise.all([
        staff.post<CaseBody>(`/api/tasks/${rehsos.id}/complete`, input),
        tksk.post<CaseBody>(`/api/tasks/${theirs.id}/complete`, input),
      ]);
      statuses.push(...answers.map((a) => a.status));
      const events = await withSystemScope(test.server.db, (trx) =>
        trx('case_events').where({ case_id: caseId, type: 'task.completed' }).count('* as n').first(),
      );
      // usulan, disposisi and both asesmen tasks, each completed exactly once.
      if (answers.every((a) => a.status === 200)) expect(Number((events as { n: string }).n)).toBe(4);
      const after = await staff.get<CaseBody>(`/api/cases/${caseId}`);
      expect(after.body.currentStepId).toBe('penetapan');
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(2 * ROUNDS);
  }, 600_000);

  it('the same task finished twice at once is still a real conflict: one 200, one 409', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const { rehsos } = await caseAtAssessment();
    const input = {
      formData: {
        assessmentDate: '2026-01-05',
        selfCareAbility: 'Tidak mampu',
        findings: 'Rumah tidak layak huni',
        eligible: true,
      },
      checklist: { 'formulir-asesmen': true },
    };
    const answers = await Promise.all([
      staff.post(`/api/tasks/${rehsos.id}/complete`, input),
      staff.post(`/api/tasks/${rehsos.id}/complete`, input),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  }, 60_000);
});
