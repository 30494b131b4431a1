import { pino } from 'pino';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { startServer } from '../../engine/server/startServer.ts';
import { login, type PoolTask } from './loadClient.ts';
import { captureSql } from './scaleQueries.ts';
import type { ResultTable } from './types.ts';

/**
 * The SQL one step completion sends, seen by the server: an API server in this process on the bench
 * database takes one POST /api/tasks/{id}/complete (signed in as the task's role) and every statement
 * its database client sends during that request is listed, from the session lookup to COMMIT.
 */
export async function traceCompletion(url: string, regencyId: string, definitionsDir: string, task: PoolTask): Promise<ResultTable> {
  const server = await startServer({ target: { kind: 'postgres', url }, port: 0, definitionsDir, demoUsers: true, jobPollMs: 3_600_000, logger: pino({ level: 'silent' }) });
  try {
    const session = await login(server.url, `${regencyId}.${task.role}`, DEMO_PASSWORD);
    const body = task.walk.bodyByStep.get(task.stepId) ?? { formData: {}, checklist: {} };
    let status = 0;
    const statements = await captureSql(server.db, async () => {
      const response = await fetch(`${server.url}/api/tasks/${task.taskId}/complete`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf }, body: JSON.stringify(body) });
      status = response.status;
      await response.arrayBuffer();
    });
    if (status !== 200) throw new Error(`traced completion answered HTTP ${status}`);
    return {
      title: `SQL round trips of one step completion over HTTP (${statements.length}, from the session lookup to COMMIT)`,
      header: ['#', 'statement'],
      rows: statements.map((s, i) => [i + 1, s.sql.replace(/\s+/g, ' ').trim().slice(0, 160)]),
    };
  } finally {
    await server.close();
  }
}
