import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { SESSION_COOKIE } from '../../engine/api/sessionCookie.ts';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { ApiClient } from '../support/apiClient.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { grantPlt } from '../support/delegations.ts';

const onServer = databaseLabel === 'PostgreSQL';
const REGENCY = 'kutai-kartanegara';
const isSessionLookup = (sql: string): boolean => /\bFROM sessions s JOIN users u\b/.test(sql);

// A step completion sends its session lookup together with its first statement when the process has seen
// the session before, and goes on with the remembered session only once the lookup's answer equals it.
describe(`a completion does not wait for its session lookup (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  /** A new session of its own (not the file's shared one), already seen by the server once. */
  async function freshSession(role: string): Promise<ApiClient> {
    const client = new ApiClient(test.server.url);
    await client.login(`${REGENCY}.${role}`, DEMO_PASSWORD);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    return client;
  }

  /** The stored id of a client's session: the hash of its cookie token. */
  function sessionIdOf(client: ApiClient): string {
    const token = client.cookie
      .split('; ')
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
      .slice(SESSION_COOKIE.length + 1);
    return createHash('sha256').update(token).digest('hex');
  }

  async function openTask(): Promise<{ caseId: string; taskId: string }> {
    const staff = await test.as(REGENCY, 'staf-rehsos');
    const opened = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    expect(opened.status).toBe(201);
    return { caseId: opened.body.id, taskId: opened.body.tasks.find((t) => t.status === 'open')!.id };
  }

  async function taskStatus(caseId: string, taskId: string): Promise<string | undefined> {
    const staff = await test.as(REGENCY, 'staf-rehsos');
    const read = await staff.get<{ tasks: TaskState[] }>(`/api/cases/${caseId}`);
    return read.body.tasks.find((t) => t.id === taskId)?.status;
  }

  /** What the database client was asked and answered during `call`, in order. */
  async function traced<T>(call: () => Promise<T>): Promise<{ result: T; order: string[] }> {
    const order: string[] = [];
    const sent = (q: { sql: string }): void => void order.push(`sent ${q.sql}`);
    const answered = (_: unknown, q: { sql: string }): void => void order.push(`answered ${q.sql}`);
    test.server.db.on('query', sent).on('query-response', answered).on('query-error', answered);
    try {
      return { result: await call(), order };
    } finally {
      test.server.db.off('query', sent).off('query-response', answered).off('query-error', answered);
    }
  }

  it.runIf(onServer)('the lookup, BEGIN and the case read go out before the lookup is answered', async () => {
    const staff = await freshSession('staf-rehsos');
    const { taskId } = await openTask();
    const { result, order } = await traced(() =>
      staff.post(`/api/tasks/${taskId}/complete`, { checklist: permakananFirstStepChecklist }),
    );
    expect(result.status).toBe(200);
    const at = (prefix: string, test: (sql: string) => boolean): number =>
      order.findIndex((line) => line.startsWith(prefix) && test(line.slice(prefix.length)));
    const lookupSent = at('sent ', isSessionLookup);
    const lookupAnswered = at('answered ', isSessionLookup);
    const beginSent = at('sent ', (sql) => sql.startsWith('BEGIN'));
    const caseReadSent = at('sent ', (sql) => /\bFROM tasks\b/.test(sql) && /\bcases\b/.test(sql));
    expect(lookupSent).toBeGreaterThanOrEqual(0);
    expect(lookupSent).toBeLessThan(beginSent);
    expect(beginSent).toBeLessThan(caseReadSent);
    expect(caseReadSent).toBeLessThan(lookupAnswered);
    expect(order.filter((line) => line.startsWith('sent ') && isSessionLookup(line.slice(5)))).toHaveLength(1);
  });

  it('a session ended elsewhere is refused at once, and the task stays open', async () => {
    const staff = await freshSession('staf-rehsos');
    const { caseId, taskId } = await openTask();
    // Another API process logs this session out: only the database knows.
    await withSystemScope(test.server.db, (trx) =>
      trx('sessions')
        .where({ id: sessionIdOf(staff) })
        .delete(),
    );
    const answer = await staff.post(`/api/tasks/${taskId}/complete`, { checklist: permakananFirstStepChecklist });
    expect(answer.status).toBe(401);
    expect(await taskStatus(caseId, taskId)).toBe('open');
  });

  it('a role taken away meanwhile is refused at once, and the task stays open', async () => {
    const staff = await freshSession('staf-rehsos');
    const { caseId, taskId } = await openTask();
    const username = `${REGENCY}.staf-rehsos`;
    const roles = (await withSystemScope(test.server.db, (trx) => trx('users').where({ username }).first('roles'))) as {
      roles: string[];
    };
    await withSystemScope(test.server.db, (trx) =>
      trx('users')
        .where({ username })
        .update({ roles: JSON.stringify(['tksk']) }),
    );
    try {
      const answer = await staff.post(`/api/tasks/${taskId}/complete`, { checklist: permakananFirstStepChecklist });
      expect(answer.status).toBe(403);
      expect(await taskStatus(caseId, taskId)).toBe('open');
    } finally {
      await withSystemScope(test.server.db, (trx) =>
        trx('users')
          .where({ username })
          .update({ roles: JSON.stringify(roles.roles) }),
      );
    }
    const again = await staff.post(`/api/tasks/${taskId}/complete`, { checklist: permakananFirstStepChecklist });
    expect(again.status).toBe(200);
  });

  it('a delegation given meanwhile counts on the next completion (the request runs again with the fresh session)', async () => {
    const { taskId: first } = await openTask();
    const staff = await test.as(REGENCY, 'staf-rehsos');
    const done = await staff.post<{ tasks: TaskState[] }>(`/api/tasks/${first}/complete`, {
      checklist: permakananFirstStepChecklist,
    });
    expect(done.status).toBe(200);
    const disposisi = done.body.tasks.find((t) => t.status === 'open')!;
    expect(disposisi.role).toBe('kepala-dinas');
    // The secretary's session is remembered before the delegation exists: it then holds no Plt.
    const sekretaris = await freshSession('sekretaris');
    const refused = await sekretaris.post(`/api/tasks/${disposisi.id}/complete`, {
      checklist: { 'berkas-permohonan': true },
    });
    expect(refused.status).toBe(403);
    const kadis = await test.as(REGENCY, 'kepala-dinas');
    await grantPlt(kadis, `${REGENCY}.sekretaris`);
    const { result, order } = await traced(() =>
      sekretaris.post(`/api/tasks/${disposisi.id}/complete`, { checklist: { 'berkas-permohonan': true } }),
    );
    expect(result.status).toBe(200);
    // The remembered session (without the delegation) was caught by the lookup sent with it; the request
    // ran once more with the fresh one.
    expect(order.filter((line) => line.startsWith('sent ') && isSessionLookup(line.slice(5)))).toHaveLength(2);
  });
});
