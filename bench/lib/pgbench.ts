import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Knex } from 'knex';
import { machineCoresBusy, machineJiffies } from './cpuSampler.ts';
import { percentile } from './stats.ts';

const run = promisify(execFile);

/** Finds pgbench: on PATH, or in a PostgreSQL bin folder (Debian: package postgresql-15). */
export async function findPgbench(): Promise<{ path: string; version: string } | undefined> {
  const candidates = ['pgbench'];
  if (existsSync('/usr/lib/postgresql'))
    for (const v of readdirSync('/usr/lib/postgresql').sort().reverse())
      candidates.push(`/usr/lib/postgresql/${v}/bin/pgbench`);
  for (const path of candidates) {
    try {
      const { stdout } = await run(path, ['--version']);
      return { path, version: stdout.trim() };
    } catch {
      // Not here; try the next place.
    }
  }
  return undefined;
}

const sqlText = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** What a step completion writes, as a state and an event payload taken from a real engine run. */
export interface CompletionShape {
  regencyId: string;
  sopId: string;
  stateJson: string;
  eventPayloadJson: string;
}

/**
 * The equivalent SQL transaction of one step completion, as a pgbench script: read the case row, update
 * it with a version check (state, revision, status columns), insert one event, insert/update one task.
 * Each client works on its own slice of cases, so the version check never fails. The state and payload
 * JSON travel as pgbench variables (bound parameters, like the API's), given with -D at run time.
 */
export function completionScript(shape: Pick<CompletionShape, 'regencyId' | 'sopId'>): string {
  const caseId = `'pgb-' || :n`;
  return [
    `\\set n :client_id * :per_client + random(1, :per_client)`,
    `BEGIN;`,
    `SELECT revision AS rev FROM cases WHERE id = ${caseId} AND regency_id = ${sqlText(shape.regencyId)} \\gset`,
    `UPDATE cases SET revision = :rev + 1, status = 'open', current_step = 'disposisi', state = :state::jsonb, due_at = now() + interval '14 days', closed_at = NULL, updated_at = now(), applicant_name = 'Penerima Tolok Ukur', applicant_nik = '6402000000000001' WHERE id = ${caseId} AND regency_id = ${sqlText(shape.regencyId)} AND revision = :rev;`,
    `INSERT INTO case_events (case_id, regency_id, seq, type, at, user_id, user_name, step_id, task_id, payload) VALUES (${caseId}, ${sqlText(shape.regencyId)}, :rev + 1000, 'task.completed', now(), 'pengguna-demo', 'Pengguna Demo', 'verifikasi', ${caseId} || '-t' || :rev, :payload::jsonb);`,
    `INSERT INTO tasks (id, case_id, regency_id, sop_id, step_id, actor_id, role, status, created_at, due_at) VALUES (${caseId} || '-t' || (:rev + 1), ${caseId}, ${sqlText(shape.regencyId)}, ${sqlText(shape.sopId)}, 'disposisi', 'kadis', 'kepala-dinas', 'open', now(), now() + interval '1 day') ON CONFLICT (id) DO UPDATE SET status = 'completed', completed_at = now();`,
    `END;`,
    '',
  ].join('\n');
}

/**
 * Everything a real completion writes, as one pgbench transaction: read the case, update it with the
 * version check, complete the current task, open the next one, insert three events (task.completed,
 * step.completed, step.entered) and the outbox row they cause (task.assigned for the next role; the
 * bench's regency has no webhook, so no webhook batch is written). Same variables as completionScript. With `perTransaction` > 1, that many completions
 * (each on a case drawn from the client's slice) share one transaction: what committing several
 * completions together (group commit) could save on the SQL side.
 */
export function fullCompletionScript(shape: Pick<CompletionShape, 'regencyId' | 'sopId'>, perTransaction = 1): string {
  const regency = sqlText(shape.regencyId);
  const completion = (i: number): string[] => {
    const caseId = `'pgb-' || :n${i}`;
    const rev = `:rev${i}`;
    const event = (k: number, type: string): string =>
      `INSERT INTO case_events (case_id, regency_id, seq, type, at, user_id, user_name, step_id, task_id, payload) VALUES (${caseId}, ${regency}, ${rev} * 10 + ${100_000 + k}, '${type}', now(), 'pengguna-demo', 'Pengguna Demo', 'verifikasi', ${caseId} || '-t' || ${rev}, :payload::jsonb);`;
    const outbox = (kind: string, audience: string, role: string): string =>
      `INSERT INTO notifications (regency_id, case_id, event_seq, kind, audience, recipient_role, params) VALUES (${regency}, ${caseId}, ${rev} * 10 + ${100_000 + 3}, '${kind}', '${audience}', ${role}, '{"trackingCode":"PGB","serviceName":"Tolok ukur","activity":"Disposisi"}'::jsonb);`;
    return [
      `SELECT revision AS rev${i} FROM cases WHERE id = ${caseId} AND regency_id = ${regency} \\gset`,
      `UPDATE cases SET revision = ${rev} + 1, status = 'open', current_step = 'disposisi', state = :state::jsonb, due_at = now() + interval '14 days', closed_at = NULL, updated_at = now(), applicant_name = 'Penerima Tolok Ukur', applicant_nik = '6402000000000001' WHERE id = ${caseId} AND regency_id = ${regency} AND revision = ${rev};`,
      `UPDATE tasks SET status = 'completed', assignee = NULL, completed_at = now() WHERE id = ${caseId} || '-t' || ${rev};`,
      `INSERT INTO tasks (id, case_id, regency_id, sop_id, step_id, actor_id, role, status, created_at, due_at) VALUES (${caseId} || '-t' || (${rev} + 1), ${caseId}, ${regency}, ${sqlText(shape.sopId)}, 'disposisi', 'kadis', 'kepala-dinas', 'open', now(), now() + interval '1 day');`,
      event(1, 'task.completed'),
      event(2, 'step.completed'),
      event(3, 'step.entered'),
      outbox('task.assigned', 'staff', `'kepala-dinas'`),
    ];
  };
  const each = Array.from({ length: perTransaction }, (_, i) => i);
  return [
    ...each.map((i) => `\\set n${i} :client_id * :per_client + random(1, :per_client)`),
    `BEGIN;`,
    ...each.flatMap(completion),
    `END;`,
    '',
  ].join('\n');
}

/** Seeds `count` cases (ids pgb-1…) with one open task and one event each, set-based, for the pgbench script. */
export async function seedPgbenchCases(
  db: Knex,
  shape: CompletionShape,
  versionId: number,
  count: number,
): Promise<void> {
  await db.raw(
    `INSERT INTO cases (id, regency_id, sop_id, version_id, tracking_code, status, current_step, revision, state, applicant_name, applicant_nik, opened_at, due_at, updated_at)
     SELECT 'pgb-' || g, ?, ?, ?, 'PGB-' || g, 'open', 'verifikasi', 1, ?::jsonb, 'Penerima Tolok Ukur', '6402000000000001', now(), now() + interval '14 days', now() FROM generate_series(1, ?) g`,
    [shape.regencyId, shape.sopId, versionId, shape.stateJson, count],
  );
  await db.raw(
    `INSERT INTO tasks (id, case_id, regency_id, sop_id, step_id, actor_id, role, status, created_at, due_at)
     SELECT 'pgb-' || g || '-t1', 'pgb-' || g, ?, ?, 'verifikasi', 'rehsos', 'staf-rehsos', 'open', now(), now() + interval '1 day' FROM generate_series(1, ?) g`,
    [shape.regencyId, shape.sopId, count],
  );
  await db.raw(
    `INSERT INTO case_events (case_id, regency_id, seq, type, at, user_id, user_name, payload)
     SELECT 'pgb-' || g, ?, 1, 'case.started', now(), 'pengguna-demo', 'Pengguna Demo', '{}'::jsonb FROM generate_series(1, ?) g`,
    [shape.regencyId, count],
  );
  await db.raw(`VACUUM ANALYZE cases`);
  await db.raw(`VACUUM ANALYZE tasks`);
  await db.raw(`VACUUM ANALYZE case_events`);
}

/** What one pgbench window measured. */
export interface PgbenchResult {
  tps: number;
  p50: number;
  p99: number;
  transactions: number;
  failed: number;
  /** Cores of the whole machine busy during the window (0…number of cores). */
  machineCores: number;
}

/** Runs the script for `seconds` with `clients` connections (prepared statements, 2 threads) and reads per-transaction latencies from its log. */
export async function runPgbench(
  pgbench: string,
  url: string,
  scriptFile: string,
  shape: CompletionShape,
  clients: number,
  seconds: number,
  perClient: number,
  logDir: string,
): Promise<PgbenchResult> {
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(clients),
    '-j',
    String(Math.min(2, clients)),
    '-T',
    String(seconds),
    '-D',
    `per_client=${perClient}`,
    '-D',
    `state=${shape.stateJson}`,
    '-D',
    `payload=${shape.eventPayloadJson}`,
    '-f',
    scriptFile,
    '-l',
    '--log-prefix',
    join(logDir, 'tx'),
    url,
  ];
  const machineBefore = machineJiffies();
  const { stdout } = await run(pgbench, args, { maxBuffer: 16 * 1024 * 1024 });
  const machineCores = machineCoresBusy(machineBefore, machineJiffies(), cpus().length);
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? Number.NaN);
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
  const latencies: number[] = [];
  for (const file of readdirSync(logDir)) {
    for (const line of readFileSync(join(logDir, file), 'utf8').split('\n')) {
      // client_id transaction_no time script_no time_epoch time_us — `time` is the latency in microseconds.
      const fields = line.split(' ');
      if (fields.length >= 6) latencies.push(Number(fields[2]) / 1000);
    }
  }
  return {
    tps,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    transactions: latencies.length,
    failed,
    machineCores,
  };
}

/** Writes a script where pgbench can read it. */
export function writeScript(dir: string, name: string, script: string): string {
  const file = join(dir, name);
  writeFileSync(file, script);
  return file;
}
