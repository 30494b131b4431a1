import type { Knex } from 'knex';
import { pino } from 'pino';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { startServer } from '../../engine/server/startServer.ts';
import { login, type PoolTask } from './loadClient.ts';
import type { ResultTable } from './types.ts';

/** Statements sent during `call`, and the round trips they took: a statement sent while no answer is awaited starts one. */
async function captureRoundTrips(
  db: Knex,
  call: () => Promise<void>,
): Promise<{ statements: string[]; roundTrips: number }> {
  const statements: string[] = [];
  let awaited = 0;
  let roundTrips = 0;
  const sent = (data: { sql: string }): void => {
    if (awaited === 0) roundTrips += 1;
    awaited += 1;
    statements.push(data.sql);
  };
  const answered = (): void => void (awaited = Math.max(0, awaited - 1));
  // knex's public events: 'query' when a statement is sent, 'query-response' or 'query-error' when it is answered.
  db.on('query', sent).on('query-response', answered).on('query-error', answered);
  try {
    await call();
  } finally {
    db.off('query', sent).off('query-response', answered).off('query-error', answered);
  }
  return { statements, roundTrips };
}

/** The statements of one traced completion and the round trips they took. */
export interface CompletionTrace {
  table: ResultTable;
  roundTrips: number;
}

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
): Promise<CompletionTrace> {
  const server = await startServer({
    target: { kind: 'postgres', url },
    port: 0,
    definitionsDir,
    demoUsers: true,
    jobPollMs: 3_600_000,
    logger: pino({ level: 'silent' }),
  });
  try {
    // One session per role, used before the traced request as a person's would be (their inbox first).
    const sessions = new Map<string, Awaited<ReturnType<typeof login>>>();
    const complete = async (t: PoolTask): Promise<void> => {
      let session = sessions.get(t.role);
      if (!session) {
        session = await login(server.url, `${regencyId}.${t.role}`, DEMO_PASSWORD);
        sessions.set(t.role, session);
        await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie: session.cookie } })).arrayBuffer();
      }
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
      else {
        const traced = await captureRoundTrips(server.db, send);
        statements.push(...traced.statements);
        roundTrips = traced.roundTrips;
      }
      if (status !== 200) throw new Error(`traced completion answered HTTP ${status}`);
    };
    const statements: string[] = [];
    let roundTrips = 0;
    // The first completion in a fresh process also reads the SOP version once (then cached); the second is the steady state.
    await complete(warmUp);
    await complete(task);
    return {
      table: {
        title: `SQL of one step completion over HTTP, steady state: ${statements.length} statements in ${roundTrips} round trips, from the session lookup to COMMIT (the session lookup, BEGIN and the case read are written together, the save together with COMMIT)`,
        header: ['#', 'statement'],
        rows: statements.map((s, i) => [i + 1, s.replace(/\s+/g, ' ').trim().slice(0, 160)]),
      },
      roundTrips,
    };
  } finally {
    await server.close();
  }
}
