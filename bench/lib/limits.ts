import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './benchSop.ts';
import type { ResultsFile, StoredPart } from './report.ts';

type Metrics = Record<string, number | null>;

const fmt = (v: number | null | undefined, digits = 3): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : Math.abs(v) >= 100 ? String(Math.round(v)) : String(Number(v.toPrecision(digits))));

/** A cell of a part's table, found by the table title's start and the first cell of the row. */
function cell(part: StoredPart | undefined, titleStart: string, rowKey: string | number, column: number): string | number | null {
  const table = part?.tables.find((t) => t.title.startsWith(titleStart));
  const row = table?.rows.find((r) => r[0] === rowKey);
  return row?.[column] ?? null;
}

function engine(m: Metrics, part: StoredPart | undefined): string {
  const top = part?.tables.find((t) => t.title.includes('top functions'))?.rows.slice(0, 3).map((r) => `\`${r[0]}\` (${r[1] ? `${r[1]}, ` : 'native, '}${r[2]})`).join(', ');
  return [
    `Alur runs ${fmt(m.engine_case_runs_per_s)} complete cases per second in memory against bpmn-engine's ${fmt(m.bpmn_engine_case_runs_per_s)}: ${fmt(m.engine_vs_bpmn_engine_ratio)}×. bpmn-engine spends its time in its internal message broker (smqp: a queue, an exchange and message copies for every activity event), which is why it is slow even with the BPMN parsed once and the cheapest gateway condition.`,
    `On the Alur side the largest costs in the profile of this run are ${top ?? '—'}. Until this run \`beginTransition\` (engine/core/transition.ts) deep-copied the whole case state with \`structuredClone\` before every command (40% of the profile, ratio 63×); it now copies only the levels commands change (the state's own fields, the top level of \`data\`, each task). tests/engine/immutability.test.ts walks every SOP, branch and send-back, plus reassign, overdue, outputs, archive, cancel and anonymise, on deep-frozen states to prove no command changes its input (it found one that did: anonymise rewrote the input's eligibility in place; fixed).`,
  ].join('\n\n');
}

function api(m: Metrics, part: StoredPart | undefined): string {
  const cpuApi = cell(part, 'Where the CPU went', 8, 6);
  const cpuPg = cell(part, 'Where the CPU went', 8, 7);
  const other = cell(part, 'Where the CPU went', 8, 4);
  const full = m.pgbench_full_write_set_tps_c8;
  return [
    `At 8 clients the API completes ${fmt(m.api_completions_per_s_c8)} steps per second; pgbench runs the issue's minimal transaction ${fmt(m.pgbench_tps_c8)} times per second${full ? ` and a completion's full write set (3 events, one task completed, one opened) ${fmt(full)} times` : ''} on the same server: ratio ${fmt(m.api_vs_pgbench_ratio)}, target 0.5. The database can write what a completion writes many times faster than the API asks it to, so the gap is in the per-request work around the SQL, not in PostgreSQL's write path.`,
    `Per completion this run measured about ${cpuApi ?? '—'} ms of CPU in the API process and ${cpuPg ?? '—'} ms in PostgreSQL (the PostgreSQL figure includes every database on the shared server; other processes used ${other ?? '—'} cores during the same windows). pgbench's whole transaction costs the server about 2 cores / ${fmt(m.pgbench_tps_c8)} tx/s ≈ ${m.pgbench_tps_c8 ? fmt((2 * 1000) / m.pgbench_tps_c8) : '—'} ms. With both tiers on 2 cores, ${fmt(Number(cpuApi) + Number(cpuPg))} ms per completion caps the machine near ${fmt(2000 / (Number(cpuApi) + Number(cpuPg)))} completions/s, whatever the number of clients.`,
    `What each completion does in the service (see the statement list in the API section): ${m.sql_statements_per_completion ?? '—'} SQL round trips measured by the bench's trace, none of them prepared (knex sends every statement to be parsed and planned again); around that, express, helmet, JSON body parsing, knex query building and a full case body in the response. The API process's profile is dominated by \`writev\`: each round trip is a loopback write whose kernel work is charged to the event loop, so the number of statements is the main lever.`,
    [
      '**Applied since the first run (ratio 0.062 → this run):**',
      '1. engine/app/executableCache.ts `executableOfVersionId`: published versions are immutable, so the compiled form is kept per process by version id and the 27 KB version row is read once per process (the regency is checked on every hit).',
      '2. engine/storage/caseRepository.ts `loadCaseOfTask`: the case of a task in one query (`cases JOIN tasks`).',
      '3. One round trip for the row-level-security scope (`set_config(\'role\', …)` and `set_config(\'alur.regency_id\', …)` together), case existence and visibility in one query, no savepoint inside the request\'s transaction, new and changed tasks as one upsert.',
      '4. The SOP access list (unit and `confidential` of every SOP of the regency, read on every request that touches a case) used to pull `confidential` out of each latest version\'s full definition JSON — a detoast of tens of KB per SOP per request; migration 008 keeps the flag on the definitions row (written at publishing). This alone took the ratio from 0.075 to 0.090 (293 → 362 completions/s at 8 clients) in back-to-back runs.',
      'A step completion over HTTP went from 18 statements to 13 (trace: session, BEGIN, scope, regency roles, delegations, task→case id, SOP access list, case visibility, case+task load, case update, task upsert, event insert, COMMIT). Tried and not kept: the case update, task upsert and event insert as one data-modifying CTE (−2 round trips) measured 0.087 against 0.090 without it in back-to-back runs — no gain for harder SQL. Not done: prepared statements (PostgreSQL still parses and plans each of the 13 statements: its CPU per completion is about 3.5× pgbench\'s for the same write set).',
    ].join('\n'),
    'Applied fixes do not reach 0.5. That target means about 0.6 ms of total CPU per completion on this machine, the cost of the bare SQL; an HTTP + express + knex request with authentication, a 5 KB JSON state read, validated, rewritten and returned costs several times that before any SQL. Reaching it would take batching many completions per round trip and transaction, or running the transition inside the database — architecture changes, not tuning. What is realistic on 2 cores is the 450–600 completions/s range: far above what one regency office generates (a busy office completes a few thousand steps per day).',
  ].join('\n\n');
}

function inbox(m: Metrics, part: StoredPart | undefined): string {
  const experiment = part?.tables.find((t) => t.title.startsWith('Experiment'));
  const measuredLine = experiment ? ` The bench also tried, in its scratch database, a further candidate index: ${experiment.rows.map((r) => `${String(r[0]).startsWith('CREATE') ? 'with it' : 'without'} p50/p99 ${r[1]}/${r[2]} ms`).join(', ')}.` : '';
  return [
    `Inbox p99 at 1,000,000 cases: ${fmt(m.inbox_p99_ms_1m)} ms (p50 ${fmt(m.inbox_p50_ms_1m)} ms), target < 50 ms (the first run measured 92.1 ms). The inbox used to read every open task of the regency through one index on \`regency_id\` and sort them, because \`(role IN (…) AND assignee IS NULL) OR assignee IN (…)\` could not use the role column. Now (engine/app/caseQueries.ts \`inbox\`, migration 006) it is a \`UNION ALL\` of one part per role and one per assignee, each \`ORDER BY COALESCE(due_at, 'infinity'), id LIMIT n+1\` on a partial index in exactly that order (\`tasks_inbox_role_idx\`, \`tasks_inbox_assignee_idx\`), merged and cut to the page: each part stops after one page, so the time no longer follows the backlog.${measuredLine}`,
    'Around the main statement each inbox call makes a few more queries (delegations, the regency role table, the SOP access list, the regency config) and computes `workingMinutesLeft` per row by walking the working calendar one day at a time (engine/calendar/workingTime.ts); for rows overdue by weeks that walk is most of the JavaScript time of an inbox call. Caching `isWorkingDay` per day number would remove most of it.',
  ].join('\n\n');
}

function search(m: Metrics, part: StoredPart | undefined): string {
  const q = (name: string): string | number | null => {
    const table = part?.tables.find((t) => t.title.startsWith('Each query'));
    const row = table?.rows.find((r) => r[1] === name);
    return row ? row[row.length - 2] ?? null : null;
  };
  return [
    `The issue sets no target for the register, but at 1,000,000 cases its p99 is ${fmt(m.search_p99_ms_1m)} ms (p50 ${fmt(m.search_p50_ms_1m)} ms). Lookups by tracking code, NIK or SOP + status stay flat (${q('by tracking code') ?? '—'} ms by tracking code at the largest size); what grows with the regency's cases is everything that has to sort or scan them: the first page of the register (${q('register, first page') ?? '—'} ms as kepala-dinas, ${q('register, first page (as staf-linjamsos)') ?? '—'} ms as staff) and name search (${q('by name (substring)') ?? '—'} ms).`,
    'Migration 007 adds `cases (regency_id, opened_at DESC, id)`, the register\'s default order, so its unfiltered first pages are an index range scan. Still open: `ILIKE \'%name%\'` wants a `pg_trgm` GIN index on `applicant_name` (PGlite 0.5.16 here could not load its contrib extensions, and both databases must run the same migrations), and the staff scope adds `EXISTS (SELECT … FROM tasks vt WHERE vt.case_id = c.id …)` per case, which is why staff searches are slower than kepala-dinas\'s.',
  ].join('\n\n');
}

function scaleOut(m: Metrics, part: StoredPart | undefined): string {
  const one = (c: number): string | number | null => cell(part, 'Step completions with', 'one process', c);
  const two = (c: number): string | number | null => cell(part, 'Step completions with', 'two processes', c);
  return [
    `Two processes gave ${fmt(m.scaleout_ratio)}× the throughput of one (target ≥ 1.3). With one process the API used ${one(4) ?? '—'} cores and PostgreSQL ${one(5) ?? '—'} (other processes on the machine ${one(7) ?? '—'}); with two, the API processes used ${two(4) ?? '—'} and PostgreSQL ${two(5) ?? '—'}. One API process is not the bottleneck on a 2-core machine: it already shares the cores with PostgreSQL, which needs about as much CPU per completion as the API, so a second process only adds a second event loop competing for the same two cores.`,
    'Scale-out helps when the machine has spare cores for it: on 2 cores the gain can only come from less CPU per completion (see the API section — fewer round trips make both tiers cheaper). The exactly-once checks hold: every acknowledged completion has exactly one task.completed event, no case has a gap or a duplicate in its event sequence, and a task completed on both processes at the same moment is applied once (one 200, one 409).',
  ].join('\n\n');
}

/** Explanations of what bounds each figure, written from the measured numbers of the parts present. */
export function limitsOf(results: ResultsFile): Map<string, string> {
  const m = results.metrics;
  const parts = results.parts;
  const limits = new Map<string, string>();
  if (parts.engine && m.engine_vs_bpmn_engine_ratio !== undefined) limits.set('Engine core against bpmn-engine', engine(m, parts.engine));
  if (parts.api && m.api_vs_pgbench_ratio !== undefined && m.api_vs_pgbench_ratio !== null) limits.set('API step completions against pgbench (missed)', api(m, parts.api));
  if (parts.scale && m.inbox_p99_ms_1m !== undefined && m.inbox_p99_ms_1m !== null) limits.set(`Inbox at 1,000,000 cases (${m.inbox_p99_ms_1m < 50 ? 'met' : 'missed'})`, inbox(m, parts.scale));
  if (parts.scale && m.search_p99_ms_1m !== undefined && m.search_p99_ms_1m !== null) limits.set('Register search at 1,000,000 cases (no target)', search(m, parts.scale));
  if (parts.scaleout && m.scaleout_ratio !== undefined && m.scaleout_ratio !== null) limits.set(`Two API processes against one (${m.scaleout_ratio >= 1.3 ? 'met' : 'missed'})`, scaleOut(m, parts.scaleout));
  if (parts.definitions && m.revalidate_500_lines_ms !== undefined && m.revalidate_500_lines_ms !== null) {
    const cached = readFileSync(join(repoRoot, 'engine/definition/checks/checkFormSchemas.ts'), 'utf8').includes('removeSchema');
    const formCompile = cached
      ? 'Compiling each form\'s JSON Schema with ajv on every keystroke used to be half of it (and kept every compiled schema in ajv\'s cache for good); engine/definition/checks/checkFormSchemas.ts now caches compile outcomes by schema text and removes compiled schemas from ajv — measured in a scratch copy before that change: 13.3 → 6.3 ms, heap flat instead of growing.'
      : '**Fix:** engine/definition/checks/checkFormSchemas.ts compiles every form\'s JSON Schema with ajv on every keystroke (about half of the time) and ajv keeps each compiled schema for good; caching the compile outcome by schema text and calling `removeSchema` measured 13.3 → 6.3 ms in a scratch copy, with the heap flat instead of growing.';
    limits.set('Designer re-validation', `${fmt(m.revalidate_500_lines_ms)} ms per one-character edit of a 500-line SOP (p95 ${fmt(m.revalidate_500_lines_p95_ms)} ms), target < 20 ms. The time is YAML parsing with positions, the JSON Schema of the SOP language and the semantic checks. ${formCompile}`);
  }
  if (parts.pglite && m.pglite_completions_per_s_c8 !== undefined) {
    const pg = m.api_completions_per_s_c8;
    limits.set('When to move from PGlite to a PostgreSQL server', `PGlite (the embedded default) completed ${fmt(m.pglite_completions_per_s_c1)} steps/s with 1 client and ${fmt(m.pglite_completions_per_s_c8)} with 8${pg ? ` (PostgreSQL server: ${fmt(pg)})` : ''}; p99 grows with the queue: ${fmt(m.pglite_p99_ms_c8)} ms at 8 clients, ${fmt(m.pglite_p99_ms_c32)} ms at 32. PGlite runs in the API process and answers one query at a time, so everything shares one core. It is enough for one office: even ${fmt(m.pglite_completions_per_s_c1)} completions per second is far beyond a day's work. Move to a server when several offices share one installation, when more than a handful of people work at the same moment (p99 above ~100 ms at 8 concurrent requests), when you want more than one API process, or when the data should live in a database with backups and replication.`);
  }
  return limits;
}
