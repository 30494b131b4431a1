import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../engine/app/appErrors.ts';
import type { AuthUser } from '../../engine/app/authUser.ts';
import { retryWhenCaseMoved, runTaskCommand } from '../../engine/app/caseService.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { withDirectRequest } from '../../engine/storage/requestTransaction.ts';
import { sqlOf } from '../../engine/storage/sql.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const onServer = databaseLabel === 'PostgreSQL';
const REGENCY = 'kutai-kartanegara';

// On the server a step completion's save goes together with its COMMIT: a command of someone else that
// lands between the case read and that COMMIT is only seen when the transaction ends, and the request
// then runs again from the start (on PGlite the save answers at once and the command re-runs inside the
// transaction).
describe(`a case changed before the COMMIT of a completion (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  async function staffUser(): Promise<AuthUser> {
    const [row] = await sqlOf(test.server.db).rows<{ id: string; display_name: string; roles: string[] }>(
      'SELECT id, display_name, roles FROM users WHERE username = ?',
      [`${REGENCY}.staf-rehsos`],
    );
    return {
      id: row!.id,
      regencyId: REGENCY,
      username: `${REGENCY}.staf-rehsos`,
      name: row!.display_name,
      roles: row!.roles,
    };
  }

  async function openedCase(name: string): Promise<{ caseId: string; taskId: string }> {
    const staff = await test.as(REGENCY, 'staf-rehsos');
    const opened = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: { ...kutaiApplicant, fullName: name },
    });
    expect(opened.status).toBe(201);
    return { caseId: opened.body.id, taskId: opened.body.tasks.find((t) => t.status === 'open')!.id };
  }

  async function eventsOf(caseId: string): Promise<CaseEvent[]> {
    const staff = await test.as(REGENCY, 'staf-rehsos');
    return (await staff.get<{ events: CaseEvent[] }>(`/api/cases/${caseId}/timeline`)).body.events;
  }

  /** Completes the task in a direct request transaction; `meanwhile` runs before each attempt's COMMIT. */
  async function completeWhile(taskId: string, meanwhile: (attempt: number) => Promise<void>): Promise<number> {
    const user = await staffUser();
    let attempts = 0;
    await retryWhenCaseMoved(() =>
      withDirectRequest(test.server.db, REGENCY, async (tx) => {
        attempts += 1;
        const command = { type: 'complete' as const, taskId, checklist: permakananFirstStepChecklist };
        const outcome = await runTaskCommand(tx.sql, user, taskId, command, new Date());
        await meanwhile(attempts);
        return outcome;
      }),
    );
    return attempts;
  }

  it.runIf(onServer)(
    'the completion runs again on the fresh case and lands once, after the other command',
    async () => {
      const { caseId, taskId } = await openedCase('Rahmat Hidayat');
      const staff = await test.as(REGENCY, 'staf-rehsos');
      const attempts = await completeWhile(taskId, async (attempt) => {
        // The same person takes the task from the queue in another tab, between our read and our COMMIT.
        if (attempt === 1) expect((await staff.post(`/api/tasks/${taskId}/claim`, {})).status).toBe(200);
      });
      expect(attempts).toBe(2);
      const events = await eventsOf(caseId);
      const reassigned = events.findIndex((e) => e.type === 'task.reassigned' && e.taskId === taskId);
      const completed = events.findIndex((e) => e.type === 'task.completed' && e.taskId === taskId);
      expect(reassigned).toBeGreaterThan(-1);
      expect(completed).toBeGreaterThan(reassigned);
      expect(events.filter((e) => e.type === 'task.completed' && e.taskId === taskId)).toHaveLength(1);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    },
  );

  it.runIf(onServer)('after five lost races it answers 409 and has written nothing of its own', async () => {
    const { caseId, taskId } = await openedCase('Dewi Lestari');
    const staff = await test.as(REGENCY, 'staf-rehsos');
    let moves = 0;
    const failed = completeWhile(taskId, async () => {
      // Someone takes and lets go of the task before every COMMIT of ours.
      moves += 1;
      const path = moves % 2 === 1 ? 'claim' : 'unclaim';
      expect((await staff.post(`/api/tasks/${taskId}/${path}`, {})).status).toBe(200);
    });
    await expect(failed).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'CONFLICT');
    expect(moves).toBe(5);
    const events = await eventsOf(caseId);
    expect(events.filter((e) => e.type === 'task.completed')).toHaveLength(0);
    expect(events.filter((e) => e.type === 'task.reassigned' || e.type === 'task.released')).toHaveLength(5);
  });

  it('on every database: a completion that races nobody runs once', async () => {
    const { caseId, taskId } = await openedCase('Budi Santoso');
    expect(await completeWhile(taskId, () => Promise.resolve())).toBe(1);
    expect((await eventsOf(caseId)).filter((e) => e.type === 'task.completed')).toHaveLength(1);
  });
});
