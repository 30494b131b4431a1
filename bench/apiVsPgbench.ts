import { syncDefinitionFolder } from '../engine/app/syncDefinitionFolder.ts';
import { openDatabase } from '../engine/storage/database.ts';
import { migrateToLatest } from '../engine/storage/migrate.ts';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { prepareApiLoad, walkForCase, type MeasuredWindow } from './lib/apiLoad.ts';
import { BENCH_REGENCY, BENCH_SOP_ID, prepareBenchSop, type BenchSop } from './lib/benchSop.ts';
import { captureStages } from './lib/caseTemplates.ts';
import { createBenchDatabase } from './lib/pgAdmin.ts';
import {
  completionScript,
  findPgbench,
  fullCompletionScript,
  runPgbench,
  seedPgbenchCases,
  writeScript,
  type CompletionShape,
  type PgbenchResult,
} from './lib/pgbench.ts';
import { clientFloors } from './lib/clientFloors.ts';
import { profileWindow } from './lib/profileWindow.ts';
import { requestFloors } from './lib/requestFloors.ts';
import { rowWrites } from './lib/rowWrites.ts';
import { startServerProcess } from './lib/serverProcess.ts';
import { traceCompletion } from './lib/statementTrace.ts';
import { median, round } from './lib/stats.ts';
import { walkInputsPerBranch } from './lib/stepInputs.ts';
import type { BenchOptions, PartResult, ResultTable } from './lib/types.ts';

/** Concurrency levels of the API benchmark. */
export const LEVELS = [1, 8, 32] as const;

/** The state and event payload of a real completion (after the first step of an accepted case), from the engine. */
async function completionShape(sop: BenchSop): Promise<CompletionShape> {
  const walks = walkInputsPerBranch(sop.definition);
  const stages = await captureStages(sop.exe, sop.calendar, walkForCase(walks, 0));
  const after = stages[1]!;
  const completed = after.events.find((e) => e.type === 'task.completed')!;
  return {
    regencyId: BENCH_REGENCY,
    sopId: BENCH_SOP_ID,
    stateJson: JSON.stringify(after.state),
    eventPayloadJson: JSON.stringify(completed.payload),
  };
}

/** A fresh database with the migrated schema, the benchmark SOP published and `count` cases for pgbench. */
/** The pgbench database: its URL, the two scripts (the minimal transaction, and a completion's full write set) and the JSON they write. */
interface PgbenchDatabase {
  url: string;
  script: string;
  fullScript: string;
  /** The full write set of GROUPED completions in one transaction. */
  groupedScript: string;
  shape: CompletionShape;
  drop: () => Promise<void>;
}

async function preparePgbenchDatabase(
  options: BenchOptions,
  sop: BenchSop,
  perClient: number,
): Promise<PgbenchDatabase> {
  const database = await createBenchDatabase(options.serverUrl, 'pgbench');
  const db = openDatabase({ kind: 'postgres', url: database.url });
  try {
    await migrateToLatest(db);
    await syncDefinitionFolder(db, sop.definitionsDir);
    const version = (await db('definition_versions')
      .where({ regency_id: BENCH_REGENCY, sop_id: BENCH_SOP_ID })
      .first('id')) as { id: string | number };
    const shape = await completionShape(sop);
    await seedPgbenchCases(db, shape, Number(version.id), (Math.max(...LEVELS) + 1) * perClient);
    return {
      url: database.url,
      script: writeScript(options.tmpDir, 'completion.sql', completionScript(shape)),
      fullScript: writeScript(options.tmpDir, 'completion-full.sql', fullCompletionScript(shape)),
      groupedScript: writeScript(options.tmpDir, 'completion-grouped.sql', fullCompletionScript(shape, GROUPED)),
      shape,
      drop: database.drop,
    };
  } finally {
    await db.destroy();
  }
}

type LevelRun = {
  api: MeasuredWindow;
  pg: PgbenchResult | undefined;
  pgFull?: PgbenchResult;
  pgGrouped?: PgbenchResult;
};

/** Completions per transaction in the group-commit probe. */
const GROUPED = 4;

function levelTable(byLevel: Map<number, LevelRun[]>): ResultTable {
  const rows = [...byLevel].map(([c, runs]) => {
    const m = (f: (r: LevelRun) => number): number => round(median(runs.map(f)));
    const pgTps = runs[0]!.pg ? m((r) => r.pg!.tps) : null;
    return [
      c,
      m((r) => r.api.perSecond),
      m((r) => r.api.p50),
      m((r) => r.api.p99),
      pgTps,
      runs[0]!.pg ? m((r) => r.pg!.p50) : null,
      runs[0]!.pg ? m((r) => r.pg!.p99) : null,
      runs[0]!.pg ? m((r) => r.api.perSecond / r.pg!.tps) : null,
      `${m((r) => r.api.cores.machine)} / ${runs[0]!.pg ? m((r) => r.pg!.machineCores) : '—'}`,
      runs.map((r) => Math.round(r.api.perSecond)).join(', '),
    ];
  });
  return {
    title:
      'Step completions over HTTP (PostgreSQL server) against the equivalent SQL transaction in pgbench, same server, interleaved in the same run',
    header: [
      'clients',
      'API completions/s',
      'API p50 ms',
      'API p99 ms',
      'pgbench tx/s',
      'pgbench p50 ms',
      'pgbench p99 ms',
      'ratio API/pgbench',
      `machine cores busy, API / pgbench windows (of ${cpus().length})`,
      'API each run',
    ],
    rows,
  };
}

function fullWriteSetTable(at8: LevelRun[], fullTps: number, groupedTps: number | null): ResultTable {
  const api = median(at8.map((r) => r.api.perSecond));
  const minimal = median(at8.map((r) => r.pg!.tps));
  return {
    title:
      'Where the gap is, at 8 clients: the same server doing only the SQL, against the API doing it through HTTP, express, the engine and node-postgres',
    header: ['what', 'completions per second (median)', 'share of the minimal transaction rate'],
    rows: [
      ["pgbench, the issue's minimal transaction (read, update case, 1 event, 1 task)", round(minimal), 1],
      [
        "pgbench, a completion's full write set (read, update case, complete task, open task, 3 events, 1 outbox row)",
        round(fullTps),
        round(fullTps / minimal),
      ],
      ...(groupedTps === null
        ? []
        : [
            [
              `pgbench, the same full write set for ${GROUPED} completions in one transaction (group commit on the SQL side), per completion`,
              round(groupedTps * GROUPED),
              round((groupedTps * GROUPED) / minimal),
            ],
          ]),
      ['API step completions', round(api), round(api / minimal)],
    ],
  };
}

function cpuTable(byLevel: Map<number, LevelRun[]>): ResultTable {
  return {
    title: 'Where the CPU went during the API windows (cores busy, median of runs; the machine has 2)',
    header: [
      'clients',
      'API process',
      'PostgreSQL',
      'load client',
      'other processes',
      'machine',
      'API CPU ms per completion',
      'PostgreSQL CPU ms per completion',
    ],
    rows: [...byLevel].map(([c, runs]) => {
      const m = (f: (w: MeasuredWindow) => number): number => round(median(runs.map((r) => f(r.api))));
      return [
        c,
        m((w) => w.cores.api),
        m((w) => w.cores.postgres),
        m((w) => w.cores.client),
        m((w) => w.cores.other),
        m((w) => w.cores.machine),
        m((w) => (w.cores.api * 1000) / w.perSecond),
        m((w) => (w.cores.postgres * 1000) / w.perSecond),
      ];
    }),
  };
}

/** API end to end on the PostgreSQL server vs pgbench running the equivalent transaction, at 1, 8 and 32 clients. */
export async function run(options: BenchOptions): Promise<PartResult> {
  const seconds = options.quick ? 2 : 5;
  const sop = prepareBenchSop(options.tmpDir);
  const walks = walkInputsPerBranch(sop.definition);
  const pgbench = await findPgbench();
  const perClient = options.quick ? 200 : 1000;
  const pgDb = pgbench ? await preparePgbenchDatabase(options, sop, perClient) : undefined;
  const apiDb = await createBenchDatabase(options.serverUrl, 'api');
  const server = await startServerProcess({ kind: 'postgres', url: apiDb.url }, sop.definitionsDir);
  const byLevel = new Map<number, LevelRun[]>(LEVELS.map((c) => [c, []]));
  try {
    const load = await prepareApiLoad(server.url, sop, walks, () => [server.pid]);
    await load.ensurePool(400);
    const warm = await load.window([{ url: server.url, connections: 8 }], options.quick ? 1 : 2);
    options.log(`api warm-up: ${Math.round(warm.perSecond)} completions/s`);
    for (let r = 0; r < options.runs; r++) {
      for (const c of LEVELS) {
        await load.ensurePool(4 * c + 50, Math.ceil(warm.perSecond * 2.5 * seconds));
        const api = await load.window([{ url: server.url, connections: c }], seconds);
        if (api.poolDry > 0 || Object.keys(api.failures).length > 0)
          options.log(
            `api c=${c}: pool dry ${api.poolDry}, failures ${JSON.stringify(api.failures)} ${api.sampleFailure ?? ''}`,
          );
        // One pgbench window of `script` at this level (undefined without pgbench).
        const pgbenchWindow = (script: keyof Pick<PgbenchDatabase, 'script' | 'fullScript' | 'groupedScript'>) =>
          pgbench && pgDb
            ? runPgbench(
                pgbench.path,
                pgDb.url,
                pgDb[script],
                pgDb.shape,
                c,
                seconds,
                perClient,
                join(options.tmpDir, 'pgbench-log'),
              )
            : Promise.resolve(undefined);
        const pg = await pgbenchWindow('script');
        // At 8 clients also the full write set of a completion, to separate SQL volume from the application
        // tier, and the same write set of several completions per transaction: how far group commit could go.
        const pgFull = c === 8 ? await pgbenchWindow('fullScript') : undefined;
        const pgGrouped = c === 8 ? await pgbenchWindow('groupedScript') : undefined;
        byLevel.get(c)!.push({ api, pg, ...(pgFull ? { pgFull } : {}), ...(pgGrouped ? { pgGrouped } : {}) });
        options.log(
          `api run ${r + 1} c=${c}: ${Math.round(api.perSecond)}/s p99 ${api.p99.toFixed(1)} ms; pgbench ${pg ? Math.round(pg.tps) : '—'} tx/s`,
        );
      }
    }
    const opened = load.opened();
    const result = report(byLevel, pgbench?.version, opened, seconds);
    const written = await rowWrites(apiDb.url);
    const hotShare = written.caseUpdates > 0 ? written.caseHotUpdates / written.caseUpdates : Number.NaN;
    result.metrics.case_updates_hot_share = round(hotShare);
    const perUpdate = (table: string): string => ((written.inserted[table] ?? 0) / written.caseUpdates).toFixed(2);
    result.notes.push(
      `Rows written during the run (PostgreSQL's counters): ${written.caseUpdates} case updates, ${Math.round(hotShare * 100)} % of them HOT (the new row version stayed on its page and no index entry was written; migration 033 leaves 30 % of each page of \`cases\` free for it); per case update ${perUpdate('case_events')} events, ${perUpdate('notifications')} notifications and ${perUpdate('tasks')} new tasks inserted (case opens included).`,
    );
    await load.ensurePool(10);
    const traced = await traceCompletion(
      apiDb.url,
      BENCH_REGENCY,
      sop.definitionsDir,
      load.pool.shift()!,
      load.pool.shift()!,
    );
    result.tables.push(traced.table);
    result.metrics.sql_statements_per_completion = traced.remembered.statements;
    result.metrics.sql_round_trips_per_completion = traced.remembered.roundTrips;
    result.metrics.sql_statements_per_completion_case_read = traced.read.statements;
    result.metrics.sql_round_trips_per_completion_case_read = traced.read.roundTrips;
    const floors = await requestFloors(server, options.quick ? 1 : 3);
    result.tables.push(floors.table);
    result.metrics.api_http_floor_cpu_ms = Number(floors.httpMs.toPrecision(3));
    result.metrics.api_transaction_floor_cpu_ms = Number(floors.transactionMs.toPrecision(3));
    const client = await clientFloors(apiDb.url, options.quick ? 500 : 3000);
    result.tables.push(client.table);
    result.metrics.knex_transaction_overhead_cpu_ms = Number(client.savedMs.toPrecision(3));
    if (!options.quick) {
      await load.ensurePool(100, Math.ceil(warm.perSecond * 3.5 * seconds));
      result.tables.push(...(await profileWindow(options, sop, apiDb.url, load, seconds, result.notes)));
    }
    return result;
  } finally {
    await server.stop();
    await apiDb.drop();
    await pgDb?.drop();
  }
}

function report(
  byLevel: Map<number, LevelRun[]>,
  pgbenchVersion: string | undefined,
  opened: { count: number; perSecond: number },
  seconds: number,
): PartResult {
  const at8 = byLevel.get(8)!;
  const ratio = pgbenchVersion ? median(at8.map((r) => r.api.perSecond / r.pg!.tps)) : null;
  const p99 = median(at8.map((r) => r.api.p99));
  const fullTps = pgbenchVersion && at8[0]!.pgFull ? median(at8.map((r) => r.pgFull!.tps)) : null;
  const groupedTps = pgbenchVersion && at8[0]!.pgGrouped ? median(at8.map((r) => r.pgGrouped!.tps)) : null;
  const metrics: Record<string, number | null> = {
    api_vs_pgbench_ratio: ratio === null ? null : round(ratio),
    api_p99_ms_c8: round(p99),
    case_opens_per_s: round(opened.perSecond),
    pgbench_full_write_set_tps_c8: fullTps === null ? null : round(fullTps),
    pgbench_grouped_completions_per_s_c8: groupedTps === null ? null : round(groupedTps * GROUPED),
  };
  for (const [c, runs] of byLevel) {
    metrics[`api_completions_per_s_c${c}`] = round(median(runs.map((r) => r.api.perSecond)));
    metrics[`api_p50_ms_c${c}`] = round(median(runs.map((r) => r.api.p50)));
    metrics[`api_p99_ms_c${c}`] = round(median(runs.map((r) => r.api.p99)));
    metrics[`pgbench_tps_c${c}`] = pgbenchVersion ? round(median(runs.map((r) => r.pg!.tps))) : null;
  }
  const failures = [...byLevel.values()]
    .flat()
    .reduce((n, r) => n + Object.values(r.api.failures).reduce((a, b) => a + b, 0) + r.api.errors, 0);
  return {
    name: 'api',
    title: 'API end to end on PostgreSQL vs pgbench',
    metrics,
    runs: [...byLevel].flatMap(([c, runs]) =>
      runs.map((r) => ({
        clients: c,
        api_per_s: r.api.perSecond,
        api_p50: r.api.p50,
        api_p99: r.api.p99,
        pgbench_tps: r.pg?.tps ?? Number.NaN,
        pgbench_p99: r.pg?.p99 ?? Number.NaN,
      })),
    ),
    tables: [
      levelTable(byLevel),
      ...(fullTps === null ? [] : [fullWriteSetTable(at8, fullTps, groupedTps)]),
      cpuTable(byLevel),
    ],
    targets: [
      {
        key: 'api_vs_pgbench_ratio',
        label: 'API step completions ≥ 30% of the pgbench transaction rate, 8 clients (issue 13)',
        value: ratio === null ? null : round(ratio),
        target: '≥ 0.3',
        met: ratio === null ? null : ratio >= 0.3,
      },
      {
        key: 'api_vs_pgbench_ratio',
        label: 'API step completions ≥ 50% of the pgbench transaction rate, 8 clients (the platform)',
        value: ratio === null ? null : round(ratio),
        target: '≥ 0.5',
        met: ratio === null ? null : ratio >= 0.5,
      },
    ],
    notes: [
      `Each completion is POST /api/tasks/{id}/complete with the step's form data and checklist, as the demo user of the task's role (session cookie + CSRF header), on ${opened.count} cases of the 8-step SOP opened over HTTP beforehand (${round(opened.perSecond)} opens/s); a case's next task goes to the back of the queue, so no case is ever completed by two requests at once. 4 of 5 cases are accepted at the decision, 1 of 5 rejected. ${seconds} s per window, a lean keep-alive HTTP client (bench/lib/httpLoad.ts) in the bench process, the server in its own process (default pool of 10 connections).`,
      'The pgbench transaction (prepared statements): SELECT the case row; UPDATE it with the version check (state jsonb of a real case, revision, status columns); INSERT one event; INSERT … ON CONFLICT DO UPDATE one task. A real completion also writes two more events (step.completed, step.entered) and both completes one task and opens the next: the API does more work per completion than the pgbench transaction.',
      `Failures (non-200 responses and connection errors) over all windows: ${failures}.`,
      pgbenchVersion
        ? `pgbench: ${pgbenchVersion}.`
        : 'pgbench was not found: install it with `apt-get install -y postgresql-15` (Debian; the package postgresql-contrib depends on it) and run again.',
    ],
  };
}
