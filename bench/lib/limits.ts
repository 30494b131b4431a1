import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './benchSop.ts';
import type { ResultsFile, StoredPart } from './report.ts';

type Metrics = Record<string, number | null>;

const fmt = (v: number | null | undefined, digits = 3): string =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : Math.abs(v) >= 100
      ? String(Math.round(v))
      : String(Number(v.toPrecision(digits)));

/** A cell of a part's table, found by the table title's start and the first cell of the row. */
function cell(
  part: StoredPart | undefined,
  titleStart: string,
  rowKey: string | number,
  column: number,
): string | number | null {
  const table = part?.tables.find((t) => t.title.startsWith(titleStart));
  const row = table?.rows.find((r) => r[0] === rowKey);
  return row?.[column] ?? null;
}

/** The first `n` rows of a two-column share table, as "name (share), …". */
function topRows(part: StoredPart | undefined, titleStart: string, n: number): string {
  const table = part?.tables.find((t) => t.title.startsWith(titleStart));
  return (table?.rows ?? [])
    .slice(0, n)
    .map((r) => `${r[0]} ${r[1]}`)
    .join(', ');
}

function engine(m: Metrics, part: StoredPart | undefined): string {
  const top = part?.tables
    .find((t) => t.title.includes('top functions'))
    ?.rows.slice(0, 3)
    .map((r) => `\`${r[0]}\` (${r[1] ? `${r[1]}, ` : 'native, '}${r[2]})`)
    .join(', ');
  return [
    `Alur runs ${fmt(m.engine_case_runs_per_s)} complete cases per second in memory against bpmn-engine's ${fmt(m.bpmn_engine_case_runs_per_s)}: ${fmt(m.engine_vs_bpmn_engine_ratio)}×. bpmn-engine spends its time in its internal message broker (smqp: a queue, an exchange and message copies for every activity event), which is why it is slow even with the BPMN parsed once and the cheapest gateway condition.`,
    `On the Alur side the largest costs in the profile of this run are ${top ?? '—'}. Until the 2026-11-23 run \`beginTransition\` (engine/core/transition.ts) deep-copied the whole case state with \`structuredClone\` before every command (40% of the profile, ratio 63×); it now copies only the levels commands change (the state's own fields, the top level of \`data\`, each task). tests/engine/immutability.test.ts walks every SOP, branch and send-back, plus reassign, overdue, outputs, archive, cancel and anonymise, on deep-frozen states to prove no command changes its input (it found one that did: anonymise rewrote the input's eligibility in place; fixed).`,
  ].join('\n\n');
}

function api(m: Metrics, part: StoredPart | undefined): string {
  const cpuApi = Number(cell(part, 'Where the CPU went', 8, 6));
  const cpuPg = Number(cell(part, 'Where the CPU went', 8, 7));
  const client = cell(part, 'Where the CPU went', 8, 3);
  const other = cell(part, 'Where the CPU went', 8, 4);
  const full = m.pgbench_full_write_set_tps_c8;
  const pgbenchMs = m.pgbench_tps_c8 ? (2 * 1000) / m.pgbench_tps_c8 : null;
  // The machine's CPU per completion (API, PostgreSQL and the load client) against what 0.3 allows on 2 cores.
  const clientMs = m.api_completions_per_s_c8 ? (Number(client) / m.api_completions_per_s_c8) * 1000 : NaN;
  const allowedAt03 = m.pgbench_tps_c8 ? (2 * 1000) / (0.3 * m.pgbench_tps_c8) : NaN;
  const cutFor03 = 1 - allowedAt03 / (cpuApi + cpuPg + clientMs);
  const http = m.api_http_floor_cpu_ms;
  const trx = m.api_transaction_floor_cpu_ms;
  const knexOverhead = m.knex_transaction_overhead_cpu_ms;
  const fullShare = full && m.pgbench_tps_c8 ? full / m.pgbench_tps_c8 : null;
  const groupedPerSecond = m.pgbench_grouped_completions_per_s_c8 ?? null;
  const grouped = {
    count: 4,
    perSecond: groupedPerSecond,
    gain: groupedPerSecond !== null && full ? groupedPerSecond / full - 1 : null,
  };
  const [apiBusy, pgbenchBusy] = String(cell(part, 'Step completions over HTTP', 8, 8) ?? '— / —').split(' / ');
  const busy = { api: apiBusy ?? '—', pgbench: pgbenchBusy ?? '—' };
  const idle = cell(part, 'The whole machine during the window', 'idle (no process ready to run)', 1);
  const pgTop = topRows(part, 'Inside PostgreSQL', 4);
  const pgShare = cpuPg / (cpuApi + cpuPg + clientMs);
  // A rate `1 + gain` times higher on the SQL side is PostgreSQL's CPU divided by it.
  const groupSaving = grouped.gain === null ? NaN : pgShare * (1 - 1 / (1 + grouped.gain));
  const apiTop = topRows(part, 'Inside the API server process', 4);
  return [
    `At 8 clients the API completes ${fmt(m.api_completions_per_s_c8)} steps per second; pgbench runs the issue's minimal transaction ${fmt(m.pgbench_tps_c8)} times per second${full ? ` and a completion's full write set (3 events, one task completed, one opened, its outbox row) ${fmt(full)} times` : ''} on the same server: ratio ${fmt(m.api_vs_pgbench_ratio)}, target 0.5.`,
    ...(Number(other) > 0.5
      ? [
          `**This run shared the machine:** other processes kept ${fmt(Number(other))} of the 2 cores busy, so the API and PostgreSQL got what the scheduler left them; completions per second and the ratio then measure the neighbours, and CPU per completion is inflated by the contention. The round-trip count below is the comparable figure. The last run on a quiet machine (2026-12-06, other processes 0.04 cores, 6 round trips) measured 458 completions/s at 8 clients, ratio 0.182, 1.82 ms of API CPU and 1.42 ms of PostgreSQL CPU per completion.`,
        ]
      : []),
    `Per completion this run measured ${fmt(cpuApi)} ms of CPU in the API process and ${fmt(cpuPg)} ms in PostgreSQL (the load client used ${client ?? '—'} cores, other processes ${other ?? '—'}). pgbench's whole transaction costs the machine about 2 cores / ${fmt(m.pgbench_tps_c8)} tx/s ≈ ${fmt(pgbenchMs)} ms. With both tiers on the same 2 cores, ${fmt(cpuApi + cpuPg)} ms per completion caps the machine near ${fmt(2000 / (cpuApi + cpuPg))} completions/s whatever the number of clients; the ratio 0.5 needs about ${fmt(pgbenchMs === null ? null : pgbenchMs * 2)} ms in all.`,
    `What a completion costs now. SQL: ${m.sql_statements_per_completion ?? '—'} statements in ${m.sql_round_trips_per_completion ?? '—'} round trips when the process saved the case last and knows the session (the statement list in the API section: BEGIN carrying the regency scope, the save, which checks the remembered row, the user's scope and the remembered session, and COMMIT, written together), and ${m.sql_statements_per_completion_case_read ?? '—'} statements in ${m.sql_round_trips_per_completion_case_read ?? '—'} round trips when another process did (the session lookup written together with BEGIN and the task's case row, read once with its visibility for both the access check and the command; the save written together with COMMIT), every data statement prepared once per connection. Around the SQL, measured on the same server process: a request that only crosses the HTTP stack (express, security headers, routing, a JSON body) costs ${fmt(http)} ms of API CPU, and one that also opens and commits a transaction through knex ${fmt(trx)} ms (GET /api/health, a route still on the query builder). A step completion no longer pays knex: its transaction runs on node-postgres directly (item 9 below), and the rest of the API's time is node-postgres parsing the case row (a 3 KB state), the engine's transition, the row checks and the short JSON answer (items 12–15 below).${knexOverhead !== undefined && knexOverhead !== null ? ` What knex would add, measured in the bench process on one connection (table "Database client cost"): ${fmt(knexOverhead)} ms more CPU for a request-shaped transaction than node-postgres directly.` : ''}`,
    [
      '**Applied, in order (ratio 0.062 at the first run):**',
      '1. engine/app/executableCache.ts `executableOfVersionId`: published versions are immutable, so the compiled form is kept per process by version id and the 27 KB version row is read once per process (the regency is checked on every hit).',
      "2. The case of a task in one query (`tasks JOIN cases`), tasks upserted in one statement, no savepoint inside the request's transaction.",
      "3. Migration 008 keeps each SOP's `confidential` flag on the definitions row, so the SOP access list no longer detoasts every latest version's definition JSON per request (0.075 → 0.090).",
      '4. Prepared statements (engine/storage/postgresClient.ts, preparedStatements.ts): every data statement gets a name from its text, so each connection parses and plans it once. Before, planning the visibility query alone took 0.8 ms of PostgreSQL time per completion and the case join 0.4 ms (statement log, `log_min_duration_statement = 0`); PostgreSQL CPU per completion fell by half (4.3 → 2.1 ms in back-to-back scratch runs on the same machine).',
      "5. The access profile (regency roles, delegations, the SOP access list) comes with the session in one statement (engine/app/authService.ts `sessionOfHash`) instead of three queries inside the transaction; visibility is decided in the same query that finds the task's case (engine/app/permissions/caseTargets.ts `caseOfPath`); the save is one statement (a data-modifying CTE: the case update with its revision check, then tasks and events only if it matched — engine/storage/caseRepository.ts `saveTransition`).",
      '6. BEGIN carries the regency scope in the same round trip (engine/storage/regencyScope.ts), and the three hot queries are fixed SQL texts instead of being rebuilt by knex on every request.',
      "7. (issue 13) The access check of a task path reads the task's case row with its scope EXISTS, and the command on that task reuses the row in the same transaction (engine/storage/caseRepository.ts `caseOfTaskForAccess`): one read instead of two; completions and send-backs act on behalf of a delegating official with the delegations the session already read, without a second delegation query.",
      "8. (issue 13) The access-log row a completion writes (its answer carries the case's personal data) travels in the COMMIT's round trip (engine/storage/postgresClient.ts `sendWithCommit`, a failing row rolls the transaction back), so a completion costs 5 round trips instead of 6. Measured against the code before it in the same conditions (both servers on one database, 5 s windows at 8 clients interleaved four times, load average ≈ 21 from other work on the shared machine): API CPU per completion median 5.8 ms after against 6.1 ms before (each window 5.4–10.3 against 5.0–10.7), PostgreSQL 2.6 against 2.4 ms — inside the noise of a machine this busy; the saved round trip itself is certain.",
      "9. (issue 13) The step commands (complete, send back, claim, release) are direct routes (engine/api/routeSpec.ts `implementDirect`): one connection is taken from the pool for the whole request (knex's public `acquireConnection`, so the pool hooks still prepare statements and watch failover), the session lookup runs on it, then BEGIN with the scope, the fixed statements through one `Sql` interface (engine/storage/sql.ts, pgSql.ts), and the access-log row with COMMIT (engine/storage/requestTransaction.ts). The visibility check became one fixed statement with the scope bound as arrays (engine/storage/cases/caseVisibility.ts `VISIBLE_CASE_SQL`, checked against the builder form by tests/storage/visibilityForms.test.ts), so one prepared statement serves every user.",
      "10. (issue 13) The API process no longer loads pdf.js: its legacy build's core-js polyfills had replaced JSON.stringify, JSON.parse and Array.prototype.push for the whole process with JavaScript versions (the profile showed them as `stringify`/`parse`/`push` in pdf.mjs, 4.3 % of all samples). Drafts are built in a module apart from the document readers, which run in their worker thread; tests/architecture/nativeBuiltins.test.ts fails if the server replaces a built-in.",
      "11. (issue 13) No AsyncLocalStorage on the request path: the statement that rides with BEGIN and the writes queued for COMMIT are kept by connection and by transaction object (knex's public `connection` option), because an AsyncLocalStorage, once used, makes every promise of the process call an async hook.",
      'Items 9–11 measured against the code before them (commit 70c7310) on the same database, 5 s windows at 8 clients interleaved (scratch A/B, 2026-12-07): on the quiet machine API CPU per completion median 2.08 ms after against 2.45 ms before (6 windows each; PostgreSQL 1.55 against 1.60 ms; both servers held to 400 completions/s by the task pool); with the machine busy (other processes 0.8–1.3 cores) 1.9–2.0 against 3.2–4.1 ms and 276–297 against 165–197 completions/s, 3.5–4.0 against 4.5–7.1 ms with 1.3 cores taken. The full API part afterwards on the quiet machine: 432 completions/s at 8 clients, ratio 0.199 (0.182 before, on another machine).',
      "12. (issue 13) The step commands answer with where the case stands (engine/contracts/caseContracts.ts `CaseProgressSchema`: status, revision, current step, the tasks without anyone's answers or a person's name, the open blocks) instead of the whole case: both apps already read the case again when they show it, the answer carries no personal data and so writes no access-log row (a statement and a JSON literal fewer per completion), and the load client parses a short answer.",
      "13. (issue 13) One dispatcher for all API routes (engine/api/apiDispatch.ts), grouped by method and path shape, instead of express walking its ~150 route layers (a regular expression and a `next()` each) on every request; helmet's security headers computed once and set with one call (engine/api/securityHeaders.ts, tests/api/apiDispatch.test.ts compares them with helmet's own per request); JSON answers written straight to Node's response (engine/api/jsonReply.ts) instead of express's `res.json`/`res.send`.",
      "14. (issue 13) The session lookup leaves out the regency's role table (a few KB of JSON for PostgreSQL to output and the API to parse and check on every request) when the regency row's version (`xmin`, new with every update) is the one this process last read for that session (engine/storage/accounts/profileSources.ts); a role-table change reaches sessions already signed in on their next request (tests/api/sessionRegencyParts.test.ts).",
      '15. (issue 13) The case of a task is read with the seven columns the service decodes instead of `c.*`.',
      "Items 12–15 measured against the code before them (a717056): three API servers (a717056; items 12, 13 and 15; all four items) each on its own database of the same schema, 5 s windows at 8 clients interleaved eight times (scratch A/B, 2026-12-07): completions per second median 604 → 735 → 710 (each window 486–744, 539–818, 606–866), API CPU per completion 1.33 → 1.08 → 1.08 ms, PostgreSQL's 1.32 → 1.27 → 1.20 ms. The machine's pace drifted by ±20 % within that run, so only the larger differences are certain: the API's fifth less CPU per completion is. Item 14 is small: a pgbench probe of the lookup with and without the role-table columns measured 2–9 µs of PostgreSQL time per lookup, so its share of the A/B difference in PostgreSQL's CPU (1.27 → 1.20 ms) is within the run's noise.",
      "16. (issue 13) The server's connections pipeline (node-postgres's public `pipeline` option, engine/storage/connectionLimits.ts): a direct request writes BEGIN with the scope together with its first statement, and its case save together with COMMIT (`Sql.atCommit`, engine/storage/requestTransaction.ts), values bound, so a completion is 5 statements in 3 round trips instead of 5. The save sent that way cannot answer before the COMMIT runs, so a revision that moved raises 40001 (migration 032 `alur_case_saved`): the COMMIT behind it only rolls back and the request runs again from the start (engine/app/caseService.ts `retryWhenCaseMoved`, tests/api/caseMovedAtCommit.test.ts; the 200-parallel-completions test still gets exactly one 200). Tried first and dropped: sending the save as an EXECUTE with its values as literals in one simple-protocol batch with COMMIT — PostgreSQL's log shows the whole text of a failed batch, which would have put applicants' data in the database log on every lost race. Measured against the code before it (4ee85eb), two servers each on its own database, interleaved windows (scratch A/B, 2026-12-07, a noisy machine whose pace swung 2× within a run): at 1 client completions per second 128→145, 129→143, 147→184, 184→172, 173→175, 171→195, 187→189, 196→205 (7 of 8 pairs faster, mean +8 %); at 8 clients three runs of 11–16 pairs gave mean ratios 1.09 (an earlier form of the same change), 1.04 and 0.95 — inside that run's noise, so at 8 clients no gain is claimed.",
      "17. (issue 13) The session lookup no longer costs a round trip of its own (engine/app/sessionAhead.ts): when the process resolved the same session lately (engine/app/sessionMemory.ts: at most 10,000 sessions, 15 minutes, dropped on logout), a step command writes the lookup together with BEGIN and the case read, which take the remembered session's regency and access, so a completion is 5 statements in 2 round trips. Nothing read is used and nothing written until the lookup's answer equals the remembered session (user, roles, delegations, SOP list, regency version, CSRF token); otherwise the transaction rolls back and the request runs again with the fresh session, so a logout, role change or new delegation counts on the very next request on every process (tests/api/sessionAhead.test.ts, which fails when either check is removed).",
      "18. (issue 13) Migration 033 leaves 30 % of each page of `cases` free (fillfactor 70). A step rewrites the case row without changing an indexed column, and with room on the same page PostgreSQL keeps the new version there (a HOT update) instead of writing an entry into each of the table's eight indexes; with full pages about half of the case updates in this bench were not HOT (10,688 of 20,628 HOT in one run before the change; the share now is in the API section's notes).",
      "Items 17–18 measured against the code before them (d37a89a), two servers each on its own database, 4 s windows interleaved eight times (scratch A/B, 2026-12-07): at 1 client completions per second median 427 → 421 but 6 of 8 pairs faster (mean ratio 1.18), context switches on the whole machine per completion 25.8 → 20.6 and of the API process 6.1 → 4.5; at 8 clients median 730 → 832 completions/s (6 of 8 pairs faster, mean ratio 1.15), API CPU per completion 0.98 → 0.86 ms, PostgreSQL's 1.17 → 1.03 ms, context switches per completion 12.3 → 10.6. The machine's pace swung by up to 1.6× between windows, so the context-switch counts, which do not depend on it, are the firm part. Tried in the same session and dropped: a socket that sends all messages of one tick in one system call (node-postgres corks each query on its own) — context switches per completion 10.8 against 10.7, no change.",
      "19. (issue 13) The outbox keeps only what someone will receive (engine/storage/notifications/outboxRows.ts, migration 034): a command's webhook batch is written only when one of the regency's webhooks takes one of its event types, decided in the save statement from `regencies.webhooks` (a generated column, NULL without webhooks: one primary-key probe). Before, every command of every regency wrote a batch row, with its four index entries, that the fan-out job later claimed and updated only to find no receiver — none of the regencies in sop-definitions has a webhook. Outbox rows per case update in this bench: 2.20 before, the figure in the API section's notes now. Measured with pgbench on the completion's full write set (scratch, 8 clients, three pairs of 8 s windows, 2026-12-07): with both outbox rows 2,111, 2,082 and 2,188 transactions per second, with only the staff row 2,406, 2,384 and 2,220 (+10 % in the median pair); tests/notifications/outboxWebhooks.test.ts (fails when the condition is removed).",
      "20. (issue 13) A step on a case row the process saved itself does not read the case again (engine/storage/cases/rememberedCases.ts): after a direct request's COMMIT the process remembers the saved row under each of its open tasks, with the row's new `xmin` (at most 2,000 tasks, 10 minutes, each used once). The next step command on such a task skips the case read: the engine runs on the remembered row, and the save, sent with COMMIT as before, writes only if the row is still that version (any update of the row by anyone changes `xmin`) and the case is visible to the user (the same condition as the read it replaces). If not, or if anything else fails after acting on a remembered row, nothing is committed and the request runs again reading the case, so every refusal a user sees comes from the checked read (tests/api/rememberedCase.test.ts: out of scope, changed behind the process, a step the old row would allow; it fails when either condition is removed). A case's next step usually comes back to the process that saved the last one; with two processes a task another process created is simply not remembered here. Measured against the code before it (49e1342), two servers each on its own database, 5 s windows at 8 clients interleaved ten times in ABBA order (scratch A/B, 2026-12-08): 8 of 10 pairs faster, median ratio 1.09, median 731 → 801 completions/s (each window 651–898 before, 704–948 after), PostgreSQL CPU per completion median 1.10 → 1.02 ms, the API's 1.04 → 0.92 ms. The same A/B in plain AB order gave the opposite sign (base 580–848, after 619–706 completions/s): this machine's pace drifts more between consecutive windows than the change moves it, which is why ABBA.",
      "22. (issue 13) On a remembered case row the remembered session is checked by the save too (engine/app/sessionAhead.ts `checkedAtSave`): the session lookup computes a fingerprint of everything the session decides in the database (md5 of the same columns, engine/storage/accounts/sessionRows.ts), and the guarded save requires `SESSION_FINGERPRINT_SQL` to give the same value when it runs, instead of a lookup whose answer had to come back before COMMIT. So BEGIN with the scope, the save and COMMIT travel in one round trip; a session that moved (logout, role, delegation, SOP list, CSRF token) makes the save match nothing, and the request runs again with the lookup and the read (tests/api/rememberedCase.test.ts: a role removed in between gives 403 and writes nothing; it fails when the condition is removed). Measured against the code before it (4e0de04), two servers each on its own database, 5 s windows at 8 clients in ABBA order ten times (scratch A/B, 2026-12-08): 9 of 10 pairs faster, median ratio 1.08, median 1,022 → 1,109 completions/s, API CPU per completion 0.73 → 0.64 ms, PostgreSQL's unchanged (0.77 / 0.76 ms: it computes the fingerprint instead of the lookup).",
      "21. (issue 13) The load client is a lean keep-alive HTTP/1.1 client on raw sockets (bench/lib/httpLoad.ts) instead of autocannon: the bench's own CPU per completion about halves (0.2 → 0.1 ms), CPU that the server and PostgreSQL share on the same 2 cores. It reads only the status line, Content-Length and the body (tests/bench/httpLoad.test.ts pairs each answer with its request over several connections, keeps an offered rate and survives a closed connection).",
      "Together, 4–6 took a completion from 13 round trips to 6; in back-to-back scratch runs on this session's machine (pgbench ≈ 2,500 tx/s at 8 clients) completions at 8 clients went from about 190/s to about 400/s, API CPU per completion from about 4 ms to 2 ms, PostgreSQL's from 4.3 ms to 1.5 ms. Tried before and measured without gain then: the one-statement save alone (it pays now that the other round trips are gone).",
    ].join('\n'),
    `Why 0.3 and 0.5 are still out of reach: the machine spends ${fmt(cpuApi)} + ${fmt(cpuPg)} ms of CPU per completion against ${fmt(pgbenchMs)} ms per pgbench transaction. Reaching 0.3 would need ${Number.isFinite(cutFor03) ? `about ${Math.round(cutFor03 * 100)} %` : 'much'} less CPU in all (${fmt(allowedAt03)} ms per completion for API, PostgreSQL and the load client together, against ${fmt(cpuApi + cpuPg + clientMs)} ms now), and the machine fully used. This run measured what stands in the way from three sides:`,
    [
      `- **The SQL alone.** pgbench runs a completion's full write set ${fmt(full)} times per second, ${fmt(fullShare)} of the minimal transaction's rate: even an API costing nothing would stop there, because a completion writes more rows and index entries than the issue's minimal transaction.`,
      `- **Group commit would not close the gap.** The same write set for ${grouped.count} completions in one transaction runs ${fmt(grouped.perSecond)} completions per second${grouped.gain === null ? '' : `, ${Math.round(grouped.gain * 100)} % more than one per transaction`}: committing several completions together saves the commit and its disk flush, not the rows, the indexes and the checks, which are most of PostgreSQL's work (the phase table below). PostgreSQL is ${Math.round(pgShare * 100)} % of a completion's CPU, so even that whole gain would make a completion ${Number.isFinite(groupSaving) ? `about ${Math.round(groupSaving * 100)} %` : 'somewhat'} cheaper, against the ${Number.isFinite(cutFor03) ? `${Math.round(cutFor03 * 100)} %` : ''} 0.3 needs — and batching across requests would cost each request its own failure isolation.`,
      `- **One JavaScript thread on every request's path leaves cores idle.** The machine's cores were busy ${busy.api} of 2 in the API windows against ${busy.pgbench} in pgbench's${idle === null ? '' : `, and perf counted ${idle} of the profiled window's samples idle`}. A request waits for the API process between its SQL round trips; when the work piles up there, only that one thread can run and a core stands still. A second API process removes the idle time but makes each completion dearer (the scale-out section), so on 2 cores the API's CPU per completion is the lever.`,
      ...(pgTop === '' ? [] : [`- **Where PostgreSQL's time goes** (perf, the phase table): ${pgTop}.`]),
      ...(apiTop === '' ? [] : [`- **Where the API process's time goes** (perf, the area table): ${apiTop}.`]),
    ].join('\n'),
    "0.5 would take another architecture, not tuning: fewer rows per completion (one event row per command instead of one per event, an outbox derived from the events) and the transition's work off the request's single thread, or the transition running inside the database. What 2 cores give is several hundred completions per second — a busy regency office completes a few thousand steps per day.",
  ].join('\n\n');
}

/** One sentence on prepared statements at the largest size, from the scale part's comparison table. */
function preparedSentence(part: StoredPart | undefined): string {
  const table = part?.tables.find((t) => t.title.startsWith('Prepared statements against none'));
  const ratios = (table?.rows ?? [])
    .map((r) => ({ name: String(r[1]), ratio: Number(r[4]) }))
    .filter((r) => Number.isFinite(r.ratio));
  if (ratios.length === 0) return '';
  const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const faster = ratios.filter((r) => r.ratio < 1).length;
  return ` Prepared statements may switch to a generic plan, which could be worse for the large tenant; the scale part therefore runs every query again without them at the largest size: the prepared p50 was lower for ${faster} of ${ratios.length} queries, and the highest prepared / not-prepared ratio was ${fmt(worst.ratio)} (${worst.name}).`;
}

function inbox(m: Metrics, part: StoredPart | undefined): string {
  const experiment = part?.tables.find((t) => t.title.startsWith('Experiment'));
  const measuredLine = experiment
    ? ` The bench also tried, in its scratch database, a further candidate index: ${experiment.rows.map((r) => `${String(r[0]).startsWith('CREATE') ? 'with it' : 'without'} p50/p99 ${r[1]}/${r[2]} ms`).join(', ')}.`
    : '';
  return [
    `Inbox p99 at 1,000,000 cases: ${fmt(m.inbox_p99_ms_1m)} ms (p50 ${fmt(m.inbox_p50_ms_1m)} ms), target < 50 ms (the first run measured 92.1 ms). The inbox used to read every open task of the regency through one index on \`regency_id\` and sort them, because \`(role IN (…) AND assignee IS NULL) OR assignee IN (…)\` could not use the role column. Now (engine/app/caseQueries.ts \`inbox\`, migration 006) it is a \`UNION ALL\` of one part per role and one per assignee, each \`ORDER BY COALESCE(due_at, 'infinity'), id LIMIT n+1\` on a partial index in exactly that order (\`tasks_inbox_role_idx\`, \`tasks_inbox_assignee_idx\`), merged and cut to the page: each part stops after one page, so the time no longer follows the backlog.${measuredLine}${preparedSentence(part)}`,
    "Around the main statement each inbox call reads the user's access profile with the session (one statement: roles, delegations, the SOP access list) and the regency config, and computes `workingMinutesLeft` per row by walking the working calendar one day at a time (engine/calendar/workingTime.ts). For rows overdue by weeks that walk was most of the JavaScript time of an inbox call; `isWorkingDay` now remembers each local day per calendar (calendars are immutable once built), so a walk formats each date and looks up its holiday once.",
  ].join('\n\n');
}

function search(m: Metrics, part: StoredPart | undefined): string {
  const q = (name: string): string | number | null => {
    const table = part?.tables.find((t) => t.title.startsWith('Each query'));
    const row = table?.rows.find((r) => r[1] === name);
    return row ? (row[row.length - 2] ?? null) : null;
  };
  return [
    `The issue sets no target for the register, but at 1,000,000 cases its p99 is ${fmt(m.search_p99_ms_1m)} ms (p50 ${fmt(m.search_p50_ms_1m)} ms). Lookups by tracking code, NIK or SOP + status stay flat (${q('by tracking code') ?? '—'} ms by tracking code at the largest size); what grows with the regency's cases is everything that has to sort or scan them: the first page of the register (${q('register, first page') ?? '—'} ms as kepala-dinas, ${q('register, first page (as staf-linjamsos)') ?? '—'} ms as staff) and name search (${q('by name (substring)') ?? '—'} ms).`,
    "Migration 007 adds `cases (regency_id, opened_at DESC, id)`, the register's default order, so its unfiltered first pages are an index range scan. Still open: `ILIKE '%name%'` wants a `pg_trgm` GIN index on `applicant_name` (PGlite 0.5.16 here could not load its contrib extensions, and both databases must run the same migrations), and the staff scope adds `EXISTS (SELECT … FROM tasks vt WHERE vt.case_id = c.id …)` per case, which is why staff searches are slower than kepala-dinas's.",
  ].join('\n\n');
}

function scaleOut(m: Metrics, part: StoredPart | undefined, cores: number): string {
  const one = (c: number): number => Number(cell(part, 'Step completions with', 'one process', c));
  const two = (c: number): number => Number(cell(part, 'Step completions with', 'two processes', c));
  const busyOne = one(4) + one(5) + one(6) + one(7);
  const equal = (setup: 1 | 2, c: number): number =>
    Number(cell(part, 'The same, both setups offered', setup === 1 ? 'one process' : 'two processes', c));
  const perCompletion = (cores: number, perSecond: number): number =>
    perSecond > 0 ? (cores / perSecond) * 1000 : NaN;
  const ceiling = busyOne > 0 ? cores / busyOne : null;
  return [
    `Two processes gave ${fmt(m.scaleout_ratio)}× the throughput of one (target ≥ 1.3). With one process the API used ${fmt(one(4))} cores, PostgreSQL ${fmt(one(5))}, the load client ${fmt(one(6))} and other processes ${fmt(one(7))}: ${fmt(busyOne)} of the machine's ${cores} cores were already busy. A second process can only add the idle rest, so on this machine two processes can at best reach ${cores} / ${fmt(busyOne)} = ${fmt(ceiling)}× one — before paying for a second event loop, a second connection pool and more context switches (with two, the API processes used ${fmt(two(4))} cores and PostgreSQL ${fmt(two(5))}).`,
    ...(one(7) > 0.5
      ? [
          `During this run other processes kept ${fmt(one(7))} of the ${cores} cores busy (the machine was shared): then a second API process mostly wins a larger share of the scheduler from them, so the raw ratio says more about the neighbours than about Alur.`,
        ]
      : []),
    `Measured per unit of the API's own CPU instead, a second process ${m.scaleout_efficiency === undefined || m.scaleout_efficiency === null ? 'was not measured' : `completed ${fmt(m.scaleout_efficiency)}× as many steps per API CPU-second as one (\`scaleout_efficiency\`, target ≥ 0.9; ${fmt(one(8))} with one process, ${fmt(two(8))} with two)`}: this is the honest figure on 2 shared cores, because it does not depend on idle cores the machine does not have.`,
    ...(m.scaleout_efficiency_equal_load === undefined || m.scaleout_efficiency_equal_load === null
      ? []
      : [
          `With both setups offered the same ${fmt(m.scaleout_equal_load_per_s)} completions per second (half of one process's maximum, so the machine is not full) the quotient is ${fmt(m.scaleout_efficiency_equal_load)} (\`scaleout_efficiency_equal_load\`; one process ${fmt(equal(1, 8))}, two ${fmt(equal(2, 8))} completions per API CPU-second). What remains is most likely the cost of splitting the same work: each event loop has half as many requests to handle per wake-up, and up to 16 PostgreSQL connections instead of 10 (each process keeps its own pool) each serve fewer statements (PostgreSQL's own CPU per completion rose from ${fmt(perCompletion(equal(1, 5), equal(1, 1)))} to ${fmt(perCompletion(equal(2, 5), equal(2, 1)))} ms in these windows), so completions are dearer even with cores to spare.`,
        ]),
    "How far one run of this part can be trusted: on 2026-12-07 it ran ten times within one hour on the same machine, five on the code before the session-ahead change (d37a89a) and five after (33b341b), alternating. `scaleout_efficiency` per run (each the median of three windows): before 0.996, 0.806, 0.957, 0.758, 0.844 (median 0.844); after 0.73, 0.861, 0.833, 0.805, 0.642 (median 0.805); single windows ranged from 0.585 to 1.03. The machine moves this figure by more than ±15 % from one run to the next, more than the difference between the two codes, so a single run can neither meet nor miss the 0.9 target with confidence; on this machine neither code reached it in the median. Since 2026-12-08 the figure also pays for a choice made for the single process: a process remembers the case rows it saved itself (API item 20), and with the load spread evenly over two processes half of a case's steps land on the process that did not save it and read the case as before, so one process became cheaper per completion than each of two did. Runs on 2026-12-08: 0.944 and 0.895 before the session was checked by the save (item 22), 0.79 after (windows 0.875, 0.707, 0.790); a deployment that sends a case's requests to one process (or runs one process, the default) keeps the single-process figure.",
    `So the 1.3 target cannot be met on 2 shared cores while one API process already keeps more than ${fmt(cores / 1.3)} cores busy, and making the API cheaper per completion does not change that: the database then takes the larger share of each completion and still shares the same two cores. With cores to spare (the database on its own machine, or more cores), each process adds up to one core of API capacity, since processes share nothing but the database. The exactly-once checks hold: every acknowledged completion has exactly one task.completed event, no case has a gap or a duplicate in its event sequence, and a task completed on both processes at the same moment is applied once (one 200, one 409).`,
  ].join('\n\n');
}

/** Explanations of what bounds each figure, written from the measured numbers of the parts present. */
export function limitsOf(results: ResultsFile): Map<string, string> {
  const m = results.metrics;
  const parts = results.parts;
  const limits = new Map<string, string>();
  if (parts.engine && m.engine_vs_bpmn_engine_ratio !== undefined)
    limits.set('Engine core against bpmn-engine', engine(m, parts.engine));
  if (parts.api && m.api_vs_pgbench_ratio !== undefined && m.api_vs_pgbench_ratio !== null)
    limits.set(
      `API step completions against pgbench (${m.api_vs_pgbench_ratio >= 0.5 ? 'met' : 'missed'})`,
      api(m, parts.api),
    );
  if (parts.scale && m.inbox_p99_ms_1m !== undefined && m.inbox_p99_ms_1m !== null)
    limits.set(`Inbox at 1,000,000 cases (${m.inbox_p99_ms_1m < 50 ? 'met' : 'missed'})`, inbox(m, parts.scale));
  if (parts.scale && m.search_p99_ms_1m !== undefined && m.search_p99_ms_1m !== null)
    limits.set('Register search at 1,000,000 cases (no target)', search(m, parts.scale));
  if (parts.scaleout && m.scaleout_ratio !== undefined && m.scaleout_ratio !== null)
    limits.set(
      `Two API processes against one (${m.scaleout_ratio >= 1.3 ? 'met' : 'missed'})`,
      scaleOut(m, parts.scaleout, results.machine.cores),
    );
  if (parts.definitions && m.revalidate_500_lines_ms !== undefined && m.revalidate_500_lines_ms !== null) {
    const cached = readFileSync(join(repoRoot, 'engine/definition/checks/checkFormSchemas.ts'), 'utf8').includes(
      'removeSchema',
    );
    const formCompile = cached
      ? "Compiling each form's JSON Schema with ajv on every keystroke used to be half of it (and kept every compiled schema in ajv's cache for good); engine/definition/checks/checkFormSchemas.ts now caches compile outcomes by schema text and removes compiled schemas from ajv — measured in a scratch copy before that change: 13.3 → 6.3 ms, heap flat instead of growing."
      : "**Fix:** engine/definition/checks/checkFormSchemas.ts compiles every form's JSON Schema with ajv on every keystroke (about half of the time) and ajv keeps each compiled schema for good; caching the compile outcome by schema text and calling `removeSchema` measured 13.3 → 6.3 ms in a scratch copy, with the heap flat instead of growing.";
    limits.set(
      'Designer re-validation',
      `${fmt(m.revalidate_500_lines_ms)} ms per one-character edit of a 500-line SOP (p95 ${fmt(m.revalidate_500_lines_p95_ms)} ms), target < 20 ms. The time is YAML parsing with positions, the JSON Schema of the SOP language and the semantic checks. ${formCompile}`,
    );
  }
  if (parts.pglite && m.pglite_completions_per_s_c8 !== undefined) {
    const pg = m.api_completions_per_s_c8;
    limits.set(
      'When to move from PGlite to a PostgreSQL server',
      `PGlite (the embedded default) completed ${fmt(m.pglite_completions_per_s_c1)} steps/s with 1 client and ${fmt(m.pglite_completions_per_s_c8)} with 8${pg ? ` (PostgreSQL server: ${fmt(pg)})` : ''}; p99 grows with the queue: ${fmt(m.pglite_p99_ms_c8)} ms at 8 clients, ${fmt(m.pglite_p99_ms_c32)} ms at 32. PGlite runs in the API process and answers one query at a time, so everything shares one core. It is enough for one office: even ${fmt(m.pglite_completions_per_s_c1)} completions per second is far beyond a day's work. Move to a server when several offices share one installation, when more than a handful of people work at the same moment (p99 above ~100 ms at 8 concurrent requests), when you want more than one API process, or when the data should live in a database with backups and replication.`,
    );
  }
  return limits;
}
