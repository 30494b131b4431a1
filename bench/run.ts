// `npm run bench [-- --quick] [-- part…]`: runs the benchmark parts, then writes bench/results.json and bench/RESULTS.md
// (quick mode writes results-quick.json and RESULTS-quick.md instead, so a smoke run never replaces real figures).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as apiVsPgbench from './apiVsPgbench.ts';
import * as definitions from './definitions.ts';
import * as engineVsBpmn from './engineVsBpmn.ts';
import * as failover from './failover.ts';
import { repoRoot } from './lib/benchSop.ts';
import { runInterruptCleanup } from './lib/cleanup.ts';
import { limitsOf } from './lib/limits.ts';
import { describeMachine } from './lib/machine.ts';
import { buildResults, readResults, renderMarkdown, writeResults, type StoredPart } from './lib/report.ts';
import type { BenchOptions, PartResult } from './lib/types.ts';
import * as pglite from './pglite.ts';
import * as scale from './scale.ts';
import * as scaleOut from './scaleOut.ts';

/** The parts in the order a full run takes them (the long scale part last). */
const PARTS: Record<string, { title: string; run: (options: BenchOptions) => Promise<PartResult> }> = {
  definitions: { title: 'Definitions: load + validate, designer re-validation', run: definitions.run },
  engine: { title: 'Engine core in memory vs bpmn-engine', run: engineVsBpmn.run },
  api: { title: 'API end to end on PostgreSQL vs pgbench', run: apiVsPgbench.run },
  scaleout: { title: 'Scale-out: two API processes on one PostgreSQL', run: scaleOut.run },
  pglite: { title: 'Embedded default: the API on PGlite', run: pglite.run },
  scale: { title: 'Scale: inbox, register search, dashboards', run: scale.run },
  failover: { title: 'Failover: primary crash, standby promoted', run: failover.run },
};

const HOW_TO = [
  '**Run it:** `npm run bench` (all parts, about 20 minutes on 2 cores), `npm run bench -- --quick` (smaller sizes and shorter windows, under 3 minutes; writes `results-quick.json` / `RESULTS-quick.md`), or one part alone: `npm run bench -- engine` (parts: ' +
    Object.keys(PARTS)
      .map((p) => `\`${p}\``)
      .join(', ') +
    '). A part run alone replaces only its own figures; `npm run bench -- --render` re-writes RESULTS.md from results.json without measuring.',
  '',
  '**Needs:** a PostgreSQL 15+ server (default `postgres://postgres@127.0.0.1:5432/test`; set `BENCH_DATABASE_URL` or `DATABASE_URL`), where the bench creates and drops its own `alur_bench_*` databases, and `pgbench` on the PATH or under `/usr/lib/postgresql/*/bin` — on Debian/Ubuntu `apt-get install -y postgresql-15` (or `postgresql-contrib`) provides it. The bench installs nothing itself.',
].join('\n');

function parseArgs(argv: string[]): { quick: boolean; parts: string[] } {
  const quick = argv.includes('--quick');
  const names = argv.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(n in PARTS));
  if (unknown.length > 0) {
    process.stderr.write(`unknown part(s): ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}\n`);
    process.exit(2);
  }
  return { quick, parts: names.length > 0 ? Object.keys(PARTS).filter((p) => names.includes(p)) : Object.keys(PARTS) };
}

const { quick, parts } = parseArgs(process.argv.slice(2));
// `--render` only re-writes RESULTS.md from results.json (after a change to the explanations), measuring nothing.
const renderOnly = process.argv.includes('--render');
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const tmpDir = mkdtempSync(join(tmpdir(), 'alur-bench-'));
const started = Date.now();
const log = (message: string): void =>
  void process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
const options: BenchOptions = { quick, runs: 3, serverUrl, tmpDir, log };
const interrupted = (): void => {
  log('interrupted: stopping servers and dropping bench databases');
  void runInterruptCleanup().finally(() => process.exit(130));
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);

const jsonFile = join(repoRoot, 'bench', quick ? 'results-quick.json' : 'results.json');
const markdownFile = join(repoRoot, 'bench', quick ? 'RESULTS-quick.md' : 'RESULTS.md');
const machine = await describeMachine(serverUrl);
const stored: Record<string, StoredPart> = { ...(readResults(jsonFile).parts ?? {}) };
let failed = 0;
log(
  `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.postgres ?? 'no PostgreSQL'}; parts: ${parts.join(', ')}${quick ? ' (quick)' : ''}`,
);
for (const name of renderOnly ? [] : parts) {
  const part = PARTS[name]!;
  const partStarted = Date.now();
  log(`— ${part.title}`);
  try {
    const result = await part.run(options);
    stored[name] = {
      ...result,
      measuredAt: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      seconds: (Date.now() - partStarted) / 1000,
    };
  } catch (error) {
    failed += 1;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${name} failed: ${message}`);
    stored[name] = {
      name,
      title: part.title,
      metrics: {},
      runs: [],
      tables: [],
      targets: [],
      notes: [],
      measuredAt: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      seconds: (Date.now() - partStarted) / 1000,
      error: message.split('\n')[0]!,
    };
  }
  log(`  ${name} took ${((Date.now() - partStarted) / 1000).toFixed(0)} s`);
}
// Keep the parts in their run order in the files.
const ordered = Object.fromEntries(
  Object.keys(PARTS)
    .filter((p) => stored[p])
    .map((p) => [p, stored[p]!]),
);
const results = buildResults((renderOnly ? readResults(jsonFile).machine : undefined) ?? machine, ordered, []);
writeResults(jsonFile, markdownFile, results, renderMarkdown(results, limitsOf(results), HOW_TO));
rmSync(tmpDir, { recursive: true, force: true });
log(
  `wrote ${jsonFile} and ${markdownFile} in ${((Date.now() - started) / 1000).toFixed(0)} s${failed > 0 ? `; ${failed} part(s) failed` : ''}`,
);
process.exit(failed > 0 ? 1 : 0);
