// Failover: Alur on a PostgreSQL primary + synchronous standby (built here with initdb and
// pg_basebackup on loopback 4121/4122), completions at a steady rate, the primary stopped as a crash
// would (pg_ctl stop -m immediate) and the standby promoted (pg_ctl promote). Measures how long until
// completions succeed again and whether any acknowledged completion was lost. Not part of CI:
// `npm run bench -- failover` (stored in RESULTS.md) or `npx tsx bench/failover.ts` (prints only).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { TaskState } from '../engine/core/caseTypes.ts';
import { walkForCase } from './lib/apiLoad.ts';
import { BENCH_REGENCY, BENCH_SOP_ID, prepareBenchSop } from './lib/benchSop.ts';
import { runInterruptCleanup } from './lib/cleanup.ts';
import { login, openCases, TaskPool, type PoolTask, type Session } from './lib/loadClient.ts';
import { startReplicaPair } from './lib/replicaPair.ts';
import { startServerProcess } from './lib/serverProcess.ts';
import { round } from './lib/stats.ts';
import { walkInputsPerBranch } from './lib/stepInputs.ts';
import type { BenchOptions, PartResult } from './lib/types.ts';

const PORTS: [number, number] = [4121, 4122];
const DATABASE = 'alur';

/** One completion request and what came of it (times in ms since the load started). */
interface Attempt {
  taskId: string;
  sentAt: number;
  doneAt: number;
  /** HTTP status, or 0 when the request itself failed (connection, timeout). */
  status: number;
}

type CaseBody = { id: string; tasks: TaskState[] };

/** Sends completions at `perSecond` until `stop()` resolves; failed tasks go back into the pool to be retried. */
function steadyLoad(
  url: string,
  pool: TaskPool,
  sessions: ReadonlyMap<string, Session>,
  perSecond: number,
  origin: number,
): { attempts: Attempt[]; acked: string[]; stop: () => Promise<void> } {
  const attempts: Attempt[] = [];
  const acked: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const send = async (task: PoolTask): Promise<void> => {
    const session = sessions.get(task.role)!;
    const body = task.walk.bodyByStep.get(task.stepId) ?? { formData: {}, checklist: {} };
    const sentAt = performance.now() - origin;
    let status = 0;
    let text = '';
    try {
      const response = await fetch(`${url}/api/tasks/${task.taskId}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      });
      status = response.status;
      text = await response.text();
    } catch {
      status = 0;
    }
    attempts.push({ taskId: task.taskId, sentAt, doneAt: performance.now() - origin, status });
    if (status === 200) {
      acked.push(task.taskId);
      for (const t of (JSON.parse(text) as CaseBody).tasks)
        if (t.status === 'open')
          pool.push({ taskId: t.id, caseId: task.caseId, role: t.role, stepId: t.stepId, walk: task.walk });
    } else if (status !== 409) pool.push(task);
  };
  const timer = setInterval(() => {
    const task = pool.shift();
    if (!task) return;
    const request = send(task).finally(() => inFlight.delete(request));
    inFlight.add(request);
  }, 1000 / perSecond);
  return {
    attempts,
    acked,
    stop: async () => {
      clearInterval(timer);
      await Promise.all([...inFlight]);
    },
  };
}

/** Acknowledged completions with no `task.completed` event on the new primary, and those with more than one. */
async function checkAcked(url: string, acked: readonly string[]): Promise<{ lost: number; twice: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ task_id: string; n: number }>(
      `SELECT task_id, count(*)::int AS n FROM case_events WHERE type = 'task.completed' AND task_id = ANY($1) GROUP BY task_id`,
      [acked],
    );
    const events = new Map(rows.map((r) => [r.task_id, r.n]));
    return {
      lost: acked.filter((id) => !events.has(id)).length,
      twice: acked.filter((id) => (events.get(id) ?? 0) > 1).length,
    };
  } finally {
    await client.end();
  }
}

async function createDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
}

function statusCounts(attempts: readonly Attempt[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of attempts) {
    const key = a.status === 0 ? 'no answer' : String(a.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** The failover part: build the pair, load, crash the primary, promote the standby, measure. */
export async function run(options: BenchOptions): Promise<PartResult> {
  const perSecond = options.quick ? 10 : 20;
  const before = options.quick ? 4 : 10;
  const after = options.quick ? 4 : 10;
  // Time between the crash and the promote, as a failover tool's detection would take (pg_auto_failover, Patroni).
  const promoteDelay = options.quick ? 1 : 5;
  const pair = await startReplicaPair({ ports: PORTS, log: options.log });
  try {
    await createDatabase(pair.primaryUrl('postgres'));
    const sop = prepareBenchSop(options.tmpDir);
    const walks = walkInputsPerBranch(sop.definition);
    options.log(`Alur on ${pair.url(DATABASE)}`);
    const server = await startServerProcess({ kind: 'postgres', url: pair.url(DATABASE) }, sop.definitionsDir);
    try {
      const roles = [...new Set(sop.definition.actors.map((a) => a.performerRole))];
      const sessions = new Map<string, Session>();
      for (const role of roles) sessions.set(role, await login(server.url, `${BENCH_REGENCY}.${role}`, 'alur-demo'));
      const opener = sessions.get(
        sop.definition.actors.find((a) => a.id === sop.definition.steps[0]!.actors[0])!.performerRole,
      )!;
      const pool = new TaskPool();
      // Enough open cases that the steady load never runs dry (each case takes up to eight completions).
      const cases = Math.ceil((perSecond * (before + after + 40)) / 6);
      await openCases(server.url, opener, BENCH_SOP_ID, (i) => walkForCase(walks, i), cases, 0, pool, 4);
      options.log(`${cases} cases open; ${perSecond} completions/s for ${before} s, then the primary stops`);
      const origin = performance.now();
      const load = steadyLoad(server.url, pool, sessions, perSecond, origin);
      await new Promise((resolve) => setTimeout(resolve, before * 1000));
      await pair.stopPrimary();
      // From here the primary is gone for sure (pg_ctl waited for it); earlier requests may still have succeeded.
      const stoppedAt = performance.now() - origin;
      options.log(`primary stopped (immediate); promoting the standby in ${promoteDelay} s`);
      await new Promise((resolve) => setTimeout(resolve, promoteDelay * 1000));
      const promoteStartedAt = performance.now() - origin;
      await pair.promoteStandby();
      const promotedAt = performance.now() - origin;
      options.log(`standby promoted ${round((promotedAt - stoppedAt) / 1000)} s after the stop`);
      // Wait for the first success sent after the stop, then keep the load on a while longer.
      const deadline = performance.now() + 60_000;
      let recovered: Attempt | undefined;
      while (!recovered && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        recovered = load.attempts
          .filter((a) => a.status === 200 && a.sentAt > stoppedAt)
          .sort((a, b) => a.doneAt - b.doneAt)[0];
      }
      await new Promise((resolve) => setTimeout(resolve, after * 1000));
      await load.stop();
      const integrity = await checkAcked(pair.standbyUrl(DATABASE), load.acked);
      const duringOutage = load.attempts.filter(
        (a) => a.sentAt >= stoppedAt && (!recovered || a.sentAt < recovered.sentAt),
      );
      const counts = statusCounts(duringOutage);
      const errors500 = load.attempts.filter((a) => a.status >= 500 && a.status !== 503).length;
      const noAnswer = load.attempts.filter((a) => a.status === 0).length;
      const recoverySeconds = recovered ? (recovered.doneAt - stoppedAt) / 1000 : null;
      const afterPromoteSeconds = recovered ? Math.max(0, recovered.doneAt - promoteStartedAt) / 1000 : null;
      const metrics = {
        failover_recovery_s: recoverySeconds === null ? null : round(recoverySeconds),
        failover_after_promote_s: afterPromoteSeconds === null ? null : round(afterPromoteSeconds),
        failover_promote_s: round((promotedAt - promoteStartedAt) / 1000),
        failover_acked: load.acked.length,
        failover_acked_lost: integrity.lost,
        failover_applied_twice: integrity.twice,
        failover_5xx_not_503: errors500,
        failover_no_answer: noAnswer,
      };
      return {
        name: 'failover',
        title: 'Failover: primary crash, standby promoted',
        metrics,
        runs: [],
        tables: [
          {
            title: `Completions at ${perSecond}/s on a primary + synchronous standby (fsync on); primary stopped with pg_ctl stop -m immediate after ${before} s, standby promoted with pg_ctl promote ${promoteDelay} s later`,
            header: ['measure', 'value'],
            rows: [
              [
                `seconds from the stop until completions succeed again (promote started ${promoteDelay} s after the stop)`,
                metrics.failover_recovery_s,
              ],
              ['seconds from the start of pg_ctl promote until the first success', metrics.failover_after_promote_s],
              ['… pg_ctl promote until the standby accepts writes', metrics.failover_promote_s],
              [
                'answers to requests sent between the stop and the first success (a 200 waited for a connection and was served after the promote)',
                Object.entries(counts)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join(', ') || '—',
              ],
              ['5xx other than 503 (whole run)', errors500],
              ['requests without an answer (whole run)', noAnswer],
              ['completions acknowledged with 200', load.acked.length],
              ['… lost after the failover (no task.completed event on the new primary)', integrity.lost],
              ['… applied twice', integrity.twice],
            ],
          },
        ],
        targets: [
          {
            key: 'failover_recovery_s',
            label: `Completions succeed again after the primary stops (promote ${promoteDelay} s after the stop)`,
            value: metrics.failover_recovery_s,
            target: '< 30 s',
            met: recoverySeconds !== null && recoverySeconds < 30,
          },
          {
            key: 'failover_acked_lost',
            label: 'Acknowledged completions lost (synchronous_standby_names set)',
            value: integrity.lost,
            target: '= 0',
            met: integrity.lost === 0,
          },
        ],
        notes: [
          'Alur only follows the failover: DATABASE_URL lists both hosts with target_session_attrs=read-write; it never promotes a server. With pg_auto_failover or Patroni, add their detection time (seconds to tens of seconds, as configured) before the promote.',
          'Requests in flight when the primary stops, and those sent before the promote, are answered 503 with Retry-After; the load client puts those tasks back and retries them.',
        ],
      };
    } finally {
      await server.stop();
    }
  } finally {
    await pair.remove();
  }
}

// `npx tsx bench/failover.ts`: this part alone, printed, not stored.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const tmp = mkdtempSync(join(tmpdir(), 'alur-failover-'));
  const started = Date.now();
  const log = (message: string): void =>
    void process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
  const interrupted = (): void => void runInterruptCleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const quick = process.argv.includes('--quick');
  void run({ quick, runs: 1, serverUrl: '', tmpDir: tmp, log })
    .then((result) => {
      for (const table of result.tables) {
        process.stdout.write(`\n${table.title}\n`);
        for (const row of table.rows) process.stdout.write(`  ${row.join(': ')}\n`);
      }
      for (const t of result.targets)
        process.stdout.write(`${t.met ? '✓' : '✗'} ${t.label}: ${t.value} (${t.target})\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    })
    .finally(() => rmSync(tmp, { recursive: true, force: true }));
}
