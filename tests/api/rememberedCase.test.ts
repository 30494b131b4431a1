import { beforeEach, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import {
  forgetRememberedCases,
  rememberedCaseOf,
  rememberSavedCase,
} from '../../engine/storage/cases/rememberedCases.ts';
import { sqlOf } from '../../engine/storage/sql.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { serverWithStatementLog } from '../support/statementLog.ts';

const onServer = databaseLabel === 'PostgreSQL';
const REGENCY = 'kutai-kartanegara';
const KADIS = `${REGENCY}.kepala-dinas`;
// Muara Muntai: a kecamatan other than the applicant's (Tenggarong).
const ANOTHER_KECAMATAN = '64.02.01';

type ErrorBody = { error: { code: string; reason?: string } };

// On the server a step command may act on the case row its own process saved last instead of reading
// it (engine/storage/cases/rememberedCases.ts); its save then writes only if the row is unchanged and
// the case visible to the user. Every answer must be the one the checked read would have given.
describe(`a step on a case row the process remembers (${databaseLabel})`, () => {
  const logged = serverWithStatementLog();
  const db = () => sqlOf(logged.test.server.db);
  const as = (role: string) => logged.test.as(REGENCY, role);
  beforeEach(async () => {
    await db().rows("UPDATE users SET areas = '[]'::jsonb WHERE username = ?", [KADIS]);
  });

  const readsCaseRow = (sql: string) => /\bfrom tasks x join cases c\b/i.test(sql);

  /** A new case whose first step is done: its open task is the Kepala Dinas's disposisi. */
  async function atDisposisi(): Promise<{ caseId: string; taskId: string }> {
    const staff = await as('staf-rehsos');
    const opened = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    const first = await staff.post<{ tasks: TaskState[] }>(
      `/api/tasks/${opened.body.tasks.find((t) => t.status === 'open')!.id}/complete`,
      { checklist: permakananFirstStepChecklist },
    );
    expect(first.status).toBe(200);
    return { caseId: opened.body.id, taskId: first.body.tasks.find((t) => t.status === 'open')!.id };
  }

  async function caseRow(caseId: string): Promise<{ revision: number; full_name: string; events: number }> {
    const [row] = await db().rows<{ revision: number; full_name: string; events: number }>(
      `SELECT c.revision, c.state->'data'->>'fullName' AS full_name,
              (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id) AS events
         FROM cases c WHERE c.id = ?`,
      [caseId],
    );
    return row!;
  }

  const disposisi = { checklist: { 'berkas-permohonan': true } };

  /**
   * The Kepala Dinas's client, with the process holding their session as it now stands: a direct request
   * whose session changed runs again looking it up (engine/app/sessionAhead.ts), which would also read
   * the case and hide what this file tests. A completion of an unknown task settles it (404).
   */
  async function kadisSettled(): Promise<Awaited<ReturnType<typeof as>>> {
    const kadis = await as('kepala-dinas');
    expect((await kadis.post('/api/tasks/tidak-ada/complete', disposisi)).status).toBe(404);
    return kadis;
  }

  it('the next step of a case this process saved is completed without reading the case again', async () => {
    const kadis = await kadisSettled();
    const { taskId } = await atDisposisi();
    const { result: done, sql } = await logged.statementsOf(() =>
      kadis.post<{ tasks: TaskState[] }>(`/api/tasks/${taskId}/complete`, disposisi),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.tasks.find((t) => t.id === taskId)?.status).toBe('completed');
    // PGlite runs every route through knex, which reads the case as before.
    expect(sql.filter(readsCaseRow)).toHaveLength(onServer ? 0 : 1);
    // On the server the save also checks the remembered session: BEGIN with the scope, the save, COMMIT.
    if (onServer) expect(sql.filter((s) => /\bfrom sessions s\b/i.test(s) && !/update cases/i.test(s))).toEqual([]);
  });

  it('a session changed since this process remembered it is refused as by a fresh lookup, and nothing is written', async () => {
    const kadis = await kadisSettled();
    const { caseId, taskId } = await atDisposisi();
    const before = await caseRow(caseId);
    const [account] = await db().rows<{ roles: unknown }>('SELECT roles FROM users WHERE username = ?', [KADIS]);
    // The Kepala Dinas loses the role in the meantime (an admin's change, seen by every process at once).
    await db().rows(`UPDATE users SET roles = '["staf-rehsos"]'::jsonb WHERE username = ?`, [KADIS]);
    try {
      const refused = await kadis.post<ErrorBody>(`/api/tasks/${taskId}/complete`, disposisi);
      expect(refused.status).toBe(403);
      expect(await caseRow(caseId)).toEqual(before);
    } finally {
      await db().rows('UPDATE users SET roles = ?::jsonb WHERE username = ?', [JSON.stringify(account!.roles), KADIS]);
    }
  });

  it('a Kepala Dinas limited to another kecamatan is refused (403) as by the checked read, and nothing is written', async () => {
    await db().rows('UPDATE users SET areas = ?::jsonb WHERE username = ?', [
      JSON.stringify([ANOTHER_KECAMATAN]),
      KADIS,
    ]);
    const kadis = await kadisSettled();
    const { caseId, taskId } = await atDisposisi();
    const before = await caseRow(caseId);
    const refused = await kadis.post<ErrorBody>(`/api/tasks/${taskId}/complete`, disposisi);
    expect([refused.status, refused.body.error.reason]).toEqual([403, 'OUT_OF_SCOPE']);
    expect(await caseRow(caseId)).toEqual(before);
  });

  it('a row changed by anyone since this process saved it: the step runs on the changed row', async () => {
    const kadis = await kadisSettled();
    const { caseId, taskId } = await atDisposisi();
    // A change this process did not make and that does not move the revision (as a correction in the database).
    await db().rows(`UPDATE cases SET state = jsonb_set(state, '{data,fullName}', '"Siti Aminah"') WHERE id = ?`, [
      caseId,
    ]);
    const before = await caseRow(caseId);
    const done = await kadis.post(`/api/tasks/${taskId}/complete`, disposisi);
    expect(done.status).toBe(200);
    const after = await caseRow(caseId);
    expect(after.full_name).toBe('Siti Aminah');
    expect(after.revision).toBeGreaterThan(before.revision);
  });

  it('a step the remembered row would allow but the current one refuses gets the current answer', async () => {
    const kadis = await kadisSettled();
    const sekretaris = await as('sekretaris');
    const me = await sekretaris.get<{ user: { id: string } }>('/api/auth/me');
    // The same race twice: once with the case row remembered, once with the process's memory emptied.
    const answers: Array<[number, string | undefined]> = [];
    for (const remembered of [true, false]) {
      const { caseId, taskId } = await atDisposisi();
      const saved = rememberedCaseOf(taskId);
      expect(saved !== undefined).toBe(onServer);
      // Meanwhile the task went to the sekretaris, as if through another process: this one still remembers
      // the row from before (a reassignment here would have made it forget).
      const reassigned = await kadis.post(`/api/tasks/${taskId}/reassign`, {
        toUserId: me.body.user.id,
        reason: 'Dilimpahkan',
      });
      expect(reassigned.status).toBe(200);
      if (saved && remembered) rememberSavedCase(saved.stored, saved.rowVersion);
      if (!remembered) forgetRememberedCases();
      const before = await caseRow(caseId);
      // Without the document the remembered row's step would stop at its checklist (422).
      const late = await kadis.post<ErrorBody>(`/api/tasks/${taskId}/complete`, { checklist: {} });
      answers.push([late.status, late.body.error?.code]);
      expect(await caseRow(caseId)).toEqual(before);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]![0]).not.toBe(200);
  });
});
