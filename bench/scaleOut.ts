import pg from 'pg';
import { prepareApiLoad, type ApiLoad, type MeasuredWindow } from './lib/apiLoad.ts';
import { prepareBenchSop } from './lib/benchSop.ts';
import type { Session } from './lib/loadClient.ts';
import { login } from './lib/loadClient.ts';
import { createBenchDatabase } from './lib/pgAdmin.ts';
import { startServerProcess, type ServerProcess } from './lib/serverProcess.ts';
import { median, round } from './lib/stats.ts';
import { walkInputsPerBranch } from './lib/stepInputs.ts';
import type { BenchOptions, PartResult } from './lib/types.ts';

const CONNECTIONS = 16;

/** The exactly-once checks, in SQL, after every window of the run. */
interface Integrity {
  acked: number;
  ackedWithOneEvent: number;
  ackedWithoutEvent: number;
  ackedWithSeveralEvents: number;
  completedEvents: number;
  casesWithGapsOrDuplicates: number;
  raceTasks: number;
  raceOneWinner: number;
  raceEvents: number;
}

async function checkIntegrity(
  url: string,
  acked: readonly string[],
  raceTasks: readonly string[],
): Promise<Omit<Integrity, 'raceTasks' | 'raceOneWinner'>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const perTask = await client.query<{ n: string; tasks: string }>(
      `SELECT n, count(*) AS tasks FROM (
         SELECT a.id, count(e.id) AS n FROM unnest($1::text[]) AS a(id) LEFT JOIN case_events e ON e.task_id = a.id AND e.type = 'task.completed' GROUP BY a.id) x
       GROUP BY n`,
      [acked],
    );
    const byCount = new Map(perTask.rows.map((r) => [Number(r.n), Number(r.tasks)]));
    const gaps = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT case_id FROM case_events GROUP BY case_id HAVING min(seq) <> 1 OR max(seq) <> count(*) OR count(DISTINCT seq) <> count(*)) x`,
    );
    const completed = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM case_events WHERE type = 'task.completed'`,
    );
    const race = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM case_events WHERE type = 'task.completed' AND task_id = ANY($1::text[])`,
      [raceTasks],
    );
    return {
      acked: acked.length,
      ackedWithOneEvent: byCount.get(1) ?? 0,
      ackedWithoutEvent: byCount.get(0) ?? 0,
      ackedWithSeveralEvents: [...byCount].filter(([n]) => n > 1).reduce((a, [, t]) => a + t, 0),
      completedEvents: Number(completed.rows[0]!.n),
      casesWithGapsOrDuplicates: Number(gaps.rows[0]!.n),
      raceEvents: Number(race.rows[0]!.n),
    };
  } finally {
    await client.end();
  }
}

/** Sends each task's completion to both processes at the same moment: exactly one may win. */
async function race(
  load: ApiLoad,
  servers: readonly ServerProcess[],
  sessions: ReadonlyMap<string, Session>,
  count: number,
): Promise<{ tasks: string[]; oneWinner: number }> {
  await load.ensurePool(count + 10);
  const tasks = Array.from({ length: count }, () => load.pool.shift()!);
  let oneWinner = 0;
  for (let i = 0; i < tasks.length; i += 20) {
    const slice = tasks.slice(i, i + 20);
    const outcomes = await Promise.all(
      slice.map(async (task) => {
        const session = sessions.get(task.role)!;
        const body = JSON.stringify(task.walk.bodyByStep.get(task.stepId) ?? { formData: {}, checklist: {} });
        const statuses = await Promise.all(
          servers.map((s) =>
            fetch(`${s.url}/api/tasks/${task.taskId}/complete`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
              body,
            }).then(async (r) => (await r.text(), r.status)),
          ),
        );
        return (
          statuses.filter((s) => s === 200).length === 1 &&
          statuses.filter((s) => s === 409).length === servers.length - 1
        );
      }),
    );
    oneWinner += outcomes.filter(Boolean).length;
  }
  return { tasks: tasks.map((t) => t.taskId), oneWinner };
}

/** Scale-out: two stateless API processes on one PostgreSQL vs one, then exactly-once checks in SQL. */
export async function run(options: BenchOptions): Promise<PartResult> {
  const seconds = options.quick ? 2 : 5;
  const sop = prepareBenchSop(options.tmpDir);
  const walks = walkInputsPerBranch(sop.definition);
  const database = await createBenchDatabase(options.serverUrl, 'scaleout');
  const a = await startServerProcess({ kind: 'postgres', url: database.url }, sop.definitionsDir);
  const b = await startServerProcess({ kind: 'postgres', url: database.url }, sop.definitionsDir);
  const single: MeasuredWindow[] = [];
  const dual: MeasuredWindow[] = [];
  try {
    const load = await prepareApiLoad(a.url, sop, walks, () => [a.pid, b.pid]);
    await load.ensurePool(600);
    const warm = await load.window(
      [
        { url: a.url, connections: 8 },
        { url: b.url, connections: 8 },
      ],
      options.quick ? 1 : 2,
    );
    for (let r = 0; r < options.runs; r++) {
      const need = Math.ceil(warm.perSecond * 2.5 * seconds);
      const one = async (): Promise<void> => {
        await load.ensurePool(4 * CONNECTIONS, need);
        single.push(await load.window([{ url: a.url, connections: CONNECTIONS }], seconds));
      };
      const two = async (): Promise<void> => {
        await load.ensurePool(4 * CONNECTIONS, need);
        dual.push(
          await load.window(
            [
              { url: a.url, connections: CONNECTIONS / 2 },
              { url: b.url, connections: CONNECTIONS / 2 },
            ],
            seconds,
          ),
        );
      };
      // Alternate the order so drift on a shared machine does not favour either side.
      if (r % 2 === 0) await one().then(two);
      else await two().then(one);
      options.log(
        `scale-out run ${r + 1}: one process ${Math.round(single[single.length - 1]!.perSecond)}/s, two ${Math.round(dual[dual.length - 1]!.perSecond)}/s`,
      );
    }
    // The same offered load for both setups, half of what one process answered at most: neither saturates
    // the 2 cores, so the CPU per completion shows what a second process costs rather than what a full machine does.
    const rate = Math.round(median(single.map((w) => w.perSecond)) / 2);
    const singleAtRate: MeasuredWindow[] = [];
    const dualAtRate: MeasuredWindow[] = [];
    for (let r = 0; r < options.runs; r++) {
      const need = Math.ceil(rate * 1.5 * seconds);
      const one = async (): Promise<void> => {
        await load.ensurePool(4 * CONNECTIONS, need);
        singleAtRate.push(await load.window([{ url: a.url, connections: CONNECTIONS, rate }], seconds));
      };
      const two = async (): Promise<void> => {
        await load.ensurePool(4 * CONNECTIONS, need);
        dualAtRate.push(
          await load.window(
            [
              { url: a.url, connections: CONNECTIONS / 2, rate: rate / 2 },
              { url: b.url, connections: CONNECTIONS / 2, rate: rate / 2 },
            ],
            seconds,
          ),
        );
      };
      if (r % 2 === 0) await one().then(two);
      else await two().then(one);
      options.log(
        `scale-out at ${rate}/s offered, run ${r + 1}: one process ${Math.round(singleAtRate[singleAtRate.length - 1]!.perSecond)}/s, two ${Math.round(dualAtRate[dualAtRate.length - 1]!.perSecond)}/s`,
      );
    }
    const roles = [...new Set(sop.definition.actors.map((x) => x.performerRole))];
    const sessions = new Map<string, Session>();
    for (const role of roles) sessions.set(role, await login(a.url, `kutai-kartanegara.${role}`, 'alur-demo'));
    const raced = await race(load, [a, b], sessions, options.quick ? 40 : 200);
    const acked = [...single, ...dual, ...singleAtRate, ...dualAtRate, warm].flatMap((w) => w.acked);
    const integrity: Integrity = {
      ...(await checkIntegrity(database.url, acked, raced.tasks)),
      raceTasks: raced.tasks.length,
      raceOneWinner: raced.oneWinner,
    };
    return report(single, dual, { rate, single: singleAtRate, dual: dualAtRate }, integrity, seconds);
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await database.drop();
  }
}

/** The columns of both window tables. */
const WINDOW_HEADER = [
  'setup',
  'completions/s',
  'p50 ms',
  'p99 ms',
  'API processes (cores)',
  'PostgreSQL (cores)',
  'load client (cores)',
  'other processes (cores)',
  'completions per API CPU-second',
  'each run',
];

/** The last row of a window table: the efficiency (median) in its column, each run's beside it. */
function efficiencyRow(key: string, value: number, each: number[]): Array<string | number> {
  return [
    `${key} (per API CPU-second, two / one)`,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    round(value),
    each.map(round).join(', '),
  ];
}

/** Windows of both setups at one offered rate (completions per second, both processes together). */
interface AtRate {
  rate: number;
  single: MeasuredWindow[];
  dual: MeasuredWindow[];
}

function report(
  single: MeasuredWindow[],
  dual: MeasuredWindow[],
  atRate: AtRate,
  integrity: Integrity,
  seconds: number,
): PartResult {
  const ratios = single.map((s, i) => dual[i]!.perSecond / s.perSecond);
  const ratio = median(ratios);
  // Throughput on 2 shared cores is capped by the cores, not by the design; what a second process must not
  // do is make each completion dearer. Completions per API-process CPU-second, two processes ÷ one, per run.
  const perCpuSecond = (w: MeasuredWindow): number => (w.cores.api > 0 ? w.perSecond / w.cores.api : 0);
  const efficiencies = single.map((s, i) => (perCpuSecond(s) > 0 ? perCpuSecond(dual[i]!) / perCpuSecond(s) : 0));
  const efficiency = median(efficiencies);
  const efficienciesAtRate = atRate.single.map((s, i) =>
    perCpuSecond(s) > 0 ? perCpuSecond(atRate.dual[i]!) / perCpuSecond(s) : 0,
  );
  const efficiencyAtRate = median(efficienciesAtRate);
  const ok =
    integrity.ackedWithOneEvent === integrity.acked &&
    integrity.casesWithGapsOrDuplicates === 0 &&
    integrity.raceOneWinner === integrity.raceTasks &&
    integrity.raceEvents === integrity.raceTasks;
  const m = (list: MeasuredWindow[], f: (w: MeasuredWindow) => number): number => round(median(list.map(f)));
  const row = (label: string, list: MeasuredWindow[]): Array<string | number> => [
    label,
    m(list, (w) => w.perSecond),
    m(list, (w) => w.p50),
    m(list, (w) => w.p99),
    m(list, (w) => w.cores.api),
    m(list, (w) => w.cores.postgres),
    m(list, (w) => w.cores.client),
    m(list, (w) => w.cores.other),
    m(list, perCpuSecond),
    list.map((w) => Math.round(w.perSecond)).join(', '),
  ];
  return {
    name: 'scaleout',
    title: 'Scale-out: two API processes on one PostgreSQL',
    metrics: {
      scaleout_ratio: round(ratio),
      scaleout_efficiency: round(efficiency),
      scaleout_one_process_per_s: m(single, (w) => w.perSecond),
      scaleout_two_processes_per_s: m(dual, (w) => w.perSecond),
      scaleout_exactly_once_ok: ok ? 1 : 0,
      scaleout_efficiency_equal_load: round(efficiencyAtRate),
      scaleout_equal_load_per_s: atRate.rate,
    },
    runs: single.map((s, i) => ({
      one_process_per_s: s.perSecond,
      two_processes_per_s: dual[i]!.perSecond,
      ratio: ratios[i]!,
      efficiency: efficiencies[i]!,
    })),
    tables: [
      {
        title: `Step completions with ${CONNECTIONS} client connections in total (${seconds} s windows, order alternated per run); cores busy during the window`,
        header: WINDOW_HEADER,
        rows: [
          row('one process', single),
          row('two processes', dual),
          ['ratio two / one', round(ratio), '', '', '', '', '', '', '', ratios.map(round).join(', ')],
          efficiencyRow('scaleout_efficiency', efficiency, efficiencies),
        ],
      },
      {
        title: `The same, both setups offered ${atRate.rate} completions per second (half of one process's maximum above; ${CONNECTIONS} connections in total)`,
        header: WINDOW_HEADER,
        rows: [
          row('one process', atRate.single),
          row('two processes', atRate.dual),
          efficiencyRow('scaleout_efficiency_equal_load', efficiencyAtRate, efficienciesAtRate),
        ],
      },
      {
        title: 'Exactly once across the processes (checked in SQL after all windows)',
        header: ['check', 'result'],
        rows: [
          ['completions acknowledged with 200', integrity.acked],
          ['… with exactly one task.completed event', integrity.ackedWithOneEvent],
          ['… with none (lost)', integrity.ackedWithoutEvent],
          ['… with more than one (applied twice)', integrity.ackedWithSeveralEvents],
          [
            'task.completed events in the database (includes completions in flight when a window closed, and the race below)',
            integrity.completedEvents,
          ],
          ['cases whose event sequence has a gap or a duplicate', integrity.casesWithGapsOrDuplicates],
          [`race: tasks completed on both processes at the same moment`, integrity.raceTasks],
          ['race: … with exactly one 200 and one 409', integrity.raceOneWinner],
          ['race: task.completed events for those tasks', integrity.raceEvents],
          ['verdict', ok ? 'no step lost, none applied twice' : 'FAILED'],
        ],
      },
    ],
    targets: [
      {
        key: 'scaleout_ratio',
        label: 'Two processes ≥ 1.3× one (2-core machine, database on the same cores)',
        value: round(ratio),
        target: '≥ 1.3',
        met: ratio >= 1.3,
      },
      {
        key: 'scaleout_efficiency',
        label: 'A second process does not make a completion dearer: completions per API CPU-second, two ÷ one',
        value: round(efficiency),
        target: '≥ 0.9',
        met: efficiency >= 0.9,
      },
      {
        key: 'scaleout_exactly_once_ok',
        label: 'No step lost or applied twice across processes',
        value: ok ? 1 : 0,
        target: '= 1',
        met: ok,
      },
    ],
    notes: [
      'Both processes share one task pool in the load client and one database; sessions are rows in the database, so either process accepts any cookie.',
      '`scaleout_efficiency` divides completions per second by the CPU the API processes used in the same window (summed over both processes), for two processes and for one, and takes the median of the runs: near 1 means a second process costs nothing per completion, so with cores to spare throughput would follow the processes.',
      '`scaleout_efficiency_equal_load` is the same quotient with both setups offered the same completions per second, half of what one process answered at most, so that neither setup fills the 2 cores: under a full machine every process (PostgreSQL too) pays more CPU per completion for the contention, which says nothing about what a second process itself costs.',
    ],
  };
}
