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
export async function traceCompletion(
  url: string,
  regencyId: string,
  definitionsDir: string,
  warmUp: PoolTask,
  task: PoolTask,
): Promise<ResultTable> {
  const server = await startServer({
    target: { kind: 'postgres', url },
    port: 0,
    definitionsDir,
    demoUsers: true,
    jobPollMs: 3_600_000,
    logger: pino({ level: 'silent' }),
  });
  try {
    const complete = async (t: PoolTask): Promise<void> => {
      const session = await login(server.url, `${regencyId}.${t.role}`, DEMO_PASSWORD);
      const body = t.walk.bodyByStep.get(t.stepId) ?? { formData: {}, checklist: {} };
      let status = 0;
      const send = async (): Promise<void> => {
        const response = await fetch(`${server.url}/api/tasks/${t.taskId}/complete`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
          body: JSON.stringify(body),
        });
        status = response.status;
        await response.arrayBuffer();
      };
      if (t === warmUp) await send();
      else statements.push(...(await captureSql(server.db, send)));
      if (status !== 200) throw new Error(`traced completion answered HTTP ${status}`);
    };
    const statements: Array<{ sql: string }> = [];
    // The first completion in a fresh process also reads the SOP version once (then cached); the second is the steady state.
    await complete(warmUp);
    await complete(task);
    return {
      title: `SQL round trips of one step completion over HTTP, steady state (${statements.length}, from the session lookup to COMMIT)`,
      header: ['#', 'statement'],
      rows: statements.map((s, i) => [i + 1, s.sql.replace(/\s+/g, ' ').trim().slice(0, 160)]),
    };
  } finally {
    await server.close();
  }
}
