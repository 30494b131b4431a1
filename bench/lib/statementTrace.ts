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

/** The statements of the traced completions and the round trips they took. */
export interface CompletionTrace {
  table: ResultTable;
  /** A completion on a case this server process saved last (it remembers the row: engine/storage/cases/rememberedCases.ts). */
  remembered: { statements: number; roundTrips: number };
  /** A completion on a case another process saved last (the case is read). */
  read: { statements: number; roundTrips: number };
}

type Answer = { id: string; tasks: Array<{ id: string; status: string; role: string; stepId: string }> };

/**
 * The SQL one step completion sends, seen by the server: an API server in this process on the bench
 * database takes POST /api/tasks/{id}/complete (signed in as the task's role) and every statement its
 * database client sends during the request is listed, from the session lookup to COMMIT. Two are traced:
 * `task`, whose case another process saved last, and the next step of `warmUp`'s case, which this process
 * has just saved itself.
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
    const signIn = async (role: string): Promise<Awaited<ReturnType<typeof login>>> => {
      let session = sessions.get(role);
      if (!session) {
        session = await login(server.url, `${regencyId}.${role}`, DEMO_PASSWORD);
        sessions.set(role, session);
        await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie: session.cookie } })).arrayBuffer();
      }
      return session;
    };
    const complete = async (t: PoolTask): Promise<Answer> => {
      const session = await signIn(t.role);
      const body = t.walk.bodyByStep.get(t.stepId) ?? { formData: {}, checklist: {} };
      const response = await fetch(`${server.url}/api/tasks/${t.taskId}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`traced completion answered HTTP ${response.status} ${text}`);
      return JSON.parse(text) as Answer;
    };
    // The first completion in a fresh process also reads the SOP version once (then cached); the rest are the steady state.
    const saved = await complete(warmUp);
    const next = saved.tasks.find((t) => t.status === 'open');
    if (!next) throw new Error('the warm-up case has no next task to trace');
    // Signed in before the traced requests, so neither shows a login.
    await signIn(task.role);
    await signIn(next.role);
    const read = await captureRoundTrips(server.db, () => complete(task).then(() => undefined));
    const remembered = await captureRoundTrips(server.db, () =>
      complete({ ...warmUp, taskId: next.id, role: next.role, stepId: next.stepId }).then(() => undefined),
    );
    const rows = (path: string, traced: { statements: string[] }) =>
      traced.statements.map((s, i) => [path, i + 1, s.replace(/\s+/g, ' ').trim().slice(0, 160)]);
    return {
      table: {
        title: `SQL of one step completion over HTTP, steady state, from the session lookup to COMMIT: ${remembered.statements.length} statements in ${remembered.roundTrips} round trips when this process saved the case last (it acts on the row and the session it remembers, and the save checks that row, the user's scope and the session), ${read.statements.length} in ${read.roundTrips} when another process did (the session lookup, BEGIN and the case read are written together, the save together with COMMIT)`,
        header: ['case saved last by', '#', 'statement'],
        rows: [...rows('this process', remembered), ...rows('another process', read)],
      },
      remembered: { statements: remembered.statements.length, roundTrips: remembered.roundTrips },
      read: { statements: read.statements.length, roundTrips: read.roundTrips },
    };
  } finally {
    await server.close();
  }
}
