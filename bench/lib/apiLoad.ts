import { cpus } from 'node:os';
import { BENCH_REGENCY, BENCH_SOP_ID, type BenchSop } from './benchSop.ts';
import { coresUsed, cpuTotals, machineCoresBusy, machineJiffies } from './cpuSampler.ts';
import {
  completionLoad,
  login,
  openCases,
  TaskPool,
  type LoadResult,
  type LoadTarget,
  type Session,
} from './loadClient.ts';
import type { WalkInputs } from './stepInputs.ts';

/** A completion window with where the CPU went (cores: 1.0 = one core busy all the window). */
export interface MeasuredWindow extends LoadResult {
  cores: { api: number; postgres: number; client: number; other: number; machine: number };
}

/** A load client bound to running API servers: sessions per role and a shared pool of open tasks. */
export interface ApiLoad {
  pool: TaskPool;
  /** Opens cases until the pool holds at least `tasks` open tasks and its cases can take at least `completions` more completions. */
  ensurePool: (tasks: number, completions?: number) => Promise<void>;
  /** One closed-loop completion window against the targets, with CPU accounting. */
  window: (targets: readonly LoadTarget[], seconds: number) => Promise<MeasuredWindow>;
  /** Cases opened so far, and how fast opening ran (cases/s over HTTP). */
  opened: () => { count: number; perSecond: number };
}

/** 4 of 5 cases take the "Layak" branch (all steps), 1 of 5 are rejected at the decision. */
export function walkForCase(walks: readonly WalkInputs[], i: number): WalkInputs {
  const accept = walks.find((w) => w.branch === 'Layak') ?? walks[0]!;
  const reject = walks.find((w) => w !== accept) ?? accept;
  return i % 5 === 4 ? reject : accept;
}

/** Signs in the demo user of every role the SOP needs, on `url` (sessions live in the database, so any server accepts them). */
export async function prepareApiLoad(
  url: string,
  sop: BenchSop,
  walks: readonly WalkInputs[],
  serverPids: () => number[],
): Promise<ApiLoad> {
  const roles = [...new Set(sop.definition.actors.map((a) => a.performerRole))];
  const sessions = new Map<string, Session>();
  for (const role of roles) sessions.set(role, await login(url, `${BENCH_REGENCY}.${role}`, 'alur-demo'));
  const opener = sessions.get(
    sop.definition.actors.find((a) => a.id === sop.definition.steps[0]!.actors[0])!.performerRole,
  )!;
  const pool = new TaskPool();
  let opened = 0;
  let openSeconds = 0;
  // Completions one case takes on average over the 5-case accept/reject cycle.
  const perCase = [0, 1, 2, 3, 4].reduce((n, i) => n + walkForCase(walks, i).steps.length, 0) / 5;
  return {
    pool,
    ensurePool: async (tasks, completions = 0) => {
      const count = Math.max(
        tasks - pool.size,
        Math.ceil((completions - pool.completionsLeft) / Math.max(1, perCase)),
        0,
      );
      if (count === 0) return;
      const rate = await openCases(url, opener, BENCH_SOP_ID, (i) => walkForCase(walks, i), count, opened, pool, 8);
      opened += count;
      openSeconds += count / rate;
    },
    window: async (targets, seconds) => {
      const pids = serverPids();
      const before = cpuTotals(pids);
      const machineBefore = machineJiffies();
      const result = await completionLoad(targets, seconds, pool, sessions);
      const used = coresUsed(before, cpuTotals(pids), result.seconds);
      const machine = machineCoresBusy(machineBefore, machineJiffies(), cpus().length);
      const api = used.api ?? 0;
      const postgres = used.postgres ?? 0;
      const client = used.client ?? 0;
      return {
        ...result,
        cores: { api, postgres, client, other: Math.max(0, machine - api - postgres - client), machine },
      };
    },
    opened: () => ({ count: opened, perSecond: openSeconds > 0 ? opened / openSeconds : Number.NaN }),
  };
}
