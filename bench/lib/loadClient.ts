import type { TaskState } from '../../engine/core/caseTypes.ts';
import { runHttpLoad, type HttpLoadResult, type LoadRequest } from './httpLoad.ts';
import { percentile } from './stats.ts';
import { applicantVariant, type WalkInputs } from './stepInputs.ts';

/** A signed-in demo user: the session cookie and the CSRF token writes must echo. */
export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in over HTTP, as the browser UI does. */
export async function login(baseUrl: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || !cookie || !body.csrfToken)
    throw new Error(`login ${username}: HTTP ${response.status}`);
  return { cookie, csrf: body.csrfToken };
}

/** An open task waiting to be completed by the load client. */
export interface PoolTask {
  taskId: string;
  caseId: string;
  role: string;
  stepId: string;
  walk: WalkInputs;
}

/** Steps of the task's walk from its step to the end (1 on the last step). */
function stepsLeft(task: PoolTask): number {
  const index = task.walk.steps.findIndex((s) => s.stepId === task.stepId);
  return index < 0 ? 1 : task.walk.steps.length - index;
}

/**
 * FIFO of open tasks, at most one per case (each step has one lane): a case's next task joins the back
 * only after its completion is acknowledged, so no case is ever completed by two requests at once.
 */
export class TaskPool {
  private items: PoolTask[] = [];
  private head = 0;
  private left = 0;

  /** Number of tasks waiting. */
  get size(): number {
    return this.items.length - this.head;
  }

  /** Completions the waiting cases can still take before they end. */
  get completionsLeft(): number {
    return this.left;
  }

  /** Adds a task at the back. */
  push(task: PoolTask): void {
    this.items.push(task);
    this.left += stepsLeft(task);
  }

  /** Takes the task at the front, if any. */
  shift(): PoolTask | undefined {
    if (this.head >= this.items.length) return undefined;
    const task = this.items[this.head]!;
    this.head += 1;
    this.left -= stepsLeft(task);
    if (this.head > 10_000 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return task;
  }
}

type CaseBody = { id: string; tasks: TaskState[]; status: string };

function pushOpenTasks(pool: TaskPool, body: CaseBody, walk: WalkInputs): void {
  for (const t of body.tasks)
    if (t.status === 'open') pool.push({ taskId: t.id, caseId: body.id, role: t.role, stepId: t.stepId, walk });
}

/** Opens `count` cases over HTTP with `concurrency` requests in flight; their first tasks join the pool. Returns cases per second. */
export async function openCases(
  baseUrl: string,
  session: Session,
  sopId: string,
  walkFor: (i: number) => WalkInputs,
  count: number,
  firstNo: number,
  pool: TaskPool,
  concurrency = 8,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = firstNo + next;
      next += 1;
      const walk = walkFor(i);
      const response = await fetch(`${baseUrl}/api/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify({ sopId, data: applicantVariant(walk.caseData, i) }),
      });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`open case: HTTP ${response.status} ${text.slice(0, 300)}`);
      pushOpenTasks(pool, JSON.parse(text) as CaseBody, walk);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count / ((performance.now() - started) / 1000);
}

/** One load client target: a server URL and how many keep-alive connections to hold to it. */
export interface LoadTarget {
  url: string;
  connections: number;
  /** Requests per second this target is offered in total (spaced evenly from the window's start); unset: closed loop, as fast as answered. */
  rate?: number;
}

/** What a closed-loop completion window measured. */
export interface LoadResult {
  seconds: number;
  /** Completions acknowledged with 200. */
  completions: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Responses other than 200, by status. */
  failures: Record<string, number>;
  /** Connection errors and timeouts (a request unanswered for 30 s counts as one). */
  errors: number;
  /** Requests sent while the pool was empty (a health check instead of a completion); should be 0. */
  poolDry: number;
  /** Ids of every task whose completion was acknowledged. */
  acked: string[];
  sampleFailure?: string;
}

const HEALTH: LoadRequest = { method: 'GET', path: '/api/health', headerLines: '', body: '' };

function runTarget(
  target: LoadTarget,
  seconds: number,
  pool: TaskPool,
  headersByRole: ReadonlyMap<string, string>,
  out: {
    latencies: number[];
    acked: string[];
    failures: Record<string, number>;
    poolDry: number;
    sampleFailure?: string;
  },
): Promise<HttpLoadResult> {
  return runHttpLoad<LoadRequest & { task?: PoolTask }>({
    url: target.url,
    connections: target.connections,
    seconds,
    ...(target.rate !== undefined ? { rate: target.rate } : {}),
    next: () => {
      const task = pool.shift();
      if (!task) {
        out.poolDry += 1;
        return HEALTH;
      }
      const body = task.walk.bodyByStep.get(task.stepId) ?? { formData: {}, checklist: {} };
      return {
        method: 'POST',
        path: `/api/tasks/${task.taskId}/complete`,
        headerLines: headersByRole.get(task.role) ?? '',
        body: JSON.stringify(body),
        task,
      };
    },
    onResponse: (status, body, { task }) => {
      if (!task) return;
      if (status !== 200) {
        out.failures[String(status)] = (out.failures[String(status)] ?? 0) + 1;
        out.sampleFailure ??= `${status} ${body.slice(0, 300)}`;
        return;
      }
      out.acked.push(task.taskId);
      pushOpenTasks(pool, JSON.parse(body) as CaseBody, task.walk);
    },
  }).then((result) => {
    out.latencies.push(...result.latencies);
    return result;
  });
}

/** Runs a closed-loop completion load for `seconds` against one or more servers sharing one task pool. */
export async function completionLoad(
  targets: readonly LoadTarget[],
  seconds: number,
  pool: TaskPool,
  sessions: ReadonlyMap<string, Session>,
): Promise<LoadResult> {
  const headersByRole = new Map(
    [...sessions].map(([role, s]) => [
      role,
      `content-type: application/json\r\ncookie: ${s.cookie}\r\nx-csrf-token: ${s.csrf}\r\n`,
    ]),
  );
  const out = {
    latencies: [] as number[],
    acked: [] as string[],
    failures: {} as Record<string, number>,
    poolDry: 0,
  } as {
    latencies: number[];
    acked: string[];
    failures: Record<string, number>;
    poolDry: number;
    sampleFailure?: string;
  };
  const started = performance.now();
  const results = await Promise.all(targets.map((t) => runTarget(t, seconds, pool, headersByRole, out)));
  const elapsed = (performance.now() - started) / 1000;
  const result: LoadResult = {
    seconds: elapsed,
    completions: out.acked.length,
    perSecond: out.acked.length / elapsed,
    p50: percentile(out.latencies, 50),
    p99: percentile(out.latencies, 99),
    failures: out.failures,
    errors: results.reduce((n, r) => n + r.errors, 0),
    poolDry: out.poolDry,
    acked: out.acked,
  };
  if (out.sampleFailure !== undefined) result.sampleFailure = out.sampleFailure;
  return result;
}
