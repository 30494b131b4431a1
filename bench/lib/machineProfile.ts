import { execFile, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { repoRoot } from './benchSop.ts';
import { dropStaleCodeEntries } from './perfMap.ts';
import type { ResultTable } from './types.ts';

const run = promisify(execFile);

/** True when `perf record -a` can sample the whole machine here (perf installed, allowed by perf_event_paranoid). */
export async function perfAvailable(tmpDir: string): Promise<boolean> {
  const file = join(tmpDir, 'perf-probe.data');
  try {
    await run('perf', ['record', '-q', '-a', '-o', file, '--', 'sleep', '0.05']);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(file, { force: true });
  }
}

/** One sampled call stack: the process and its frames, innermost first. */
interface Sample {
  comm: string;
  pid: number;
  frames: string[];
}

/** Reads `perf script` output sample by sample (a header line, then one line per frame, then a blank line). */
async function readSamples(dataFile: string, onSample: (sample: Sample) => void): Promise<void> {
  const child = spawn('perf', ['script', '-i', dataFile, '-F', 'comm,pid,ip,sym'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let current: Sample | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.trim() === '') {
      if (current) onSample(current);
      current = undefined;
    } else if (!/^\s/.test(line)) {
      const [comm = '', pid = '0'] = line.trim().split(/\s+/);
      current = { comm, pid: Number(pid), frames: [] };
    } else {
      // "\t    7f12ab symbol+0x1 (dso)" — keep the symbol, without its offset.
      const symbol = line.trim().split(/\s+/).slice(1).join(' ');
      current?.frames.push(symbol.replace(/\+0x[0-9a-f]+$/, '').replace(/ \(.*\)$/, ''));
    }
  }
  if (current) onSample(current);
}

// PostgreSQL's work by phase: the first rule whose frame is on the stack names the sample (checked in order,
// so the commit's disk flush is not counted as "commit" and index inserts not as "statement execution").
const POSTGRES_PHASES: Array<[string, RegExp]> = [
  ['commit: WAL flush to disk (fsync)', /^(XLogFlush|issue_xlog_fsync)$/],
  ['commit: the rest', /^(CommitTransactionCommand|CommitTransaction)$/],
  ['foreign-key checks (RI triggers)', /^(AfterTriggerEndQuery|RI_FKey_check.*)$/],
  ['index inserts', /^ExecInsertIndexTuples$/],
  ['JSON input (json_to_recordset rows, jsonb values and parameters)', /^(pg_parse_json|jsonb_in|json_in)$/],
  ['parameter input (Bind), other types', /^OidInputFunctionCall$/],
  ['executor set-up per statement (plan initialisation)', /^standard_ExecutorStart$/],
  ['executor end', /^standard_ExecutorEnd$/],
  ['statement execution (scans, updates, inserts, subqueries)', /^(standard_ExecutorRun|standard_ExecutorFinish)$/],
  ['parse, plan and plan cache', /^(raw_parser|pg_analyze_and_rewrite.*|pg_plan_queries|GetCachedPlan)$/],
  ['network: receive and send', /^(secure_read|secure_write|pq_flush|pq_getbyte|internal_flush)$/],
];

function postgresPhase(frames: readonly string[]): string {
  for (const [phase, pattern] of POSTGRES_PHASES) if (frames.some((f) => pattern.test(f))) return phase;
  return 'other (transaction start, locks, memory, GUC, scheduler)';
}

/** The nearest JavaScript frame of a stack (named by `node --perf-basic-prof`), or undefined. */
function nearestJs(frames: readonly string[]): string | undefined {
  return frames.find((f) => f.startsWith('JS:') || f.startsWith('LazyCompile:'));
}

function jsArea(frame: string): string {
  const modules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame);
  if (modules) return `JavaScript: package ${modules[1]}`;
  const engine = /\/engine\/([^/:]+)\//.exec(frame);
  if (engine) return `JavaScript: engine/${engine[1]}`;
  if (frame.includes(' node:')) return 'JavaScript: Node.js (http, streams, net)';
  return 'JavaScript: generated (schema validators) or other';
}

function jsWhere(frame: string): string {
  // "JS:*parse /…/node_modules/pg-protocol/dist/parser.js:26:10" → "parse pg-protocol/dist/parser.js"
  const [name = '', location = ''] = frame.replace(/^(JS|LazyCompile):[*~^+-]?/, '').split(' ');
  const path = location.replace(/^file:\/\//, '').replace(/:\d+:\d+$/, '');
  const modules = path.lastIndexOf('/node_modules/');
  const short =
    modules >= 0 ? path.slice(modules + 14) : path.startsWith(repoRoot) ? path.slice(repoRoot.length + 1) : path;
  return `${name || '(anonymous)'} ${short}`.trim();
}

// A sample inside V8's builtins or runtime (property lookups, JSON, allocation) is counted for the
// JavaScript function that called them: that is the code which would have to change.
function apiArea(frames: readonly string[]): string {
  if (frames.some((f) => f === 'entry_SYSCALL_64_after_hwframe' || f === 'do_syscall_64'))
    return 'kernel: system calls (sockets to the client and PostgreSQL, epoll)';
  if (frames.some((f) => /Scaveng|MarkCompact|ConcurrentMarking|Heap::CollectGarbage|GCTracer/.test(f)))
    return 'garbage collection';
  const js = nearestJs(frames);
  return js === undefined
    ? 'native code without a JavaScript caller (libuv event loop, socket reads, the HTTP parser, V8 helper threads)'
    : jsArea(js);
}

/** The whole machine's samples during a window, by process and inside PostgreSQL and the API process. */
export interface MachineProfile {
  samples: number;
  tables: ResultTable[];
}

function shareRows(counts: Map<string, number>, total: number, limit = 20): Array<[string, string]> {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([k, n]) => [k, `${((n / total) * 100).toFixed(1)}%`]);
}

const add = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Samples every process with `perf record -a -g` (999 Hz, call stacks) while `during` runs, then sorts the
 * samples: by process group, PostgreSQL's by phase, the API process's by area and by JavaScript function
 * (the API process must run with `node --perf-basic-prof` for its JavaScript frames to have names).
 * Unlike the V8 profiler, which samples on the wall clock, these are samples of CPU actually used.
 */
export async function profileMachine(
  tmpDir: string,
  apiPids: readonly number[],
  during: () => Promise<unknown>,
): Promise<MachineProfile> {
  const dataFile = join(tmpDir, 'machine.perf.data');
  const recorder = spawn('perf', ['record', '-q', '-F', '999', '-a', '-g', '-o', dataFile], { stdio: 'ignore' });
  const stopped = new Promise<void>((resolve) => recorder.once('exit', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 300));
  try {
    await during();
  } finally {
    recorder.kill('SIGINT');
    await stopped;
  }
  // perf names the API's JavaScript frames from the process's map file; drop the names of code since freed.
  for (const pid of apiPids) if (existsSync(`/tmp/perf-${pid}.map`)) dropStaleCodeEntries(`/tmp/perf-${pid}.map`);
  const api = new Set(apiPids);
  const byProcess = new Map<string, number>();
  const postgres = new Map<string, number>();
  const apiAreas = new Map<string, number>();
  const apiFunctions = new Map<string, number>();
  let total = 0;
  let postgresTotal = 0;
  let apiTotal = 0;
  await readSamples(dataFile, (s) => {
    total++;
    if (s.comm === 'postgres') {
      postgresTotal++;
      add(byProcess, 'PostgreSQL (all backends and helpers)');
      add(postgres, postgresPhase(s.frames));
    } else if (api.has(s.pid)) {
      apiTotal++;
      add(byProcess, 'API server process');
      add(apiAreas, apiArea(s.frames));
      const js = nearestJs(s.frames);
      if (js !== undefined) add(apiFunctions, jsWhere(js));
    } else if (s.pid === process.pid) add(byProcess, 'load client (this bench process)');
    else if (s.comm === 'swapper') add(byProcess, 'idle (no process ready to run)');
    else add(byProcess, `other: ${s.comm}`);
  });
  rmSync(dataFile, { force: true });
  const tables: ResultTable[] = [
    {
      title: `The whole machine during the window (perf, ${total} samples at 999 Hz on each core): share of samples by process`,
      header: ['process', 'share of samples'],
      rows: shareRows(byProcess, total, 8),
    },
    {
      title: `Inside PostgreSQL (${postgresTotal} samples): share by phase of its work`,
      header: ['phase', 'share of PostgreSQL samples'],
      rows: shareRows(postgres, postgresTotal),
    },
    {
      title: `Inside the API server process (${apiTotal} samples): share by area`,
      header: ['area', 'share of API process samples'],
      rows: shareRows(apiAreas, apiTotal, 16),
    },
    {
      title:
        'The API server process: JavaScript functions by own CPU (with the V8 builtins and runtime calls they make)',
      header: ['function', 'share of API process samples'],
      rows: shareRows(apiFunctions, apiTotal, 15),
    },
  ];
  return { samples: total, tables };
}
