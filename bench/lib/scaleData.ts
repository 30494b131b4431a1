import type { Knex } from 'knex';
import { PLACEHOLDER } from './caseTemplates.ts';

/** How the generated cases are spread: tenants, lifecycle and time. */
export interface ScaleShape {
  /** Per mille of cases in the measured regency (the largest tenant); the rest spread over `otherRegencies`. */
  homePermille: number;
  otherRegencies: number;
  /** Per mille of cases already closed (completed/rejected); the others are open. */
  closedPermille: number;
  /** Open cases stop after 1 + ⌊u^openSkew · (stages − 1)⌋ commands, u uniform: 1 = uniform, higher = more cases at early steps. */
  openSkew: number;
}

/** Stages of one template walk as the mix needs them: events after each command (the last = closed). */
export type WalkEvents = readonly number[];

/** Mean events per open case and per closed case over the walks, for a given skew (same formula as the SQL). */
export function meanEvents(walks: readonly WalkEvents[], openSkew: number): { open: number; closed: number } {
  let open = 0;
  let closed = 0;
  const samples = 1000;
  for (const events of walks) {
    closed += events[events.length - 1]!;
    let sum = 0;
    for (let i = 0; i < samples; i++)
      sum += events[Math.floor(((i + 0.5) / samples) ** openSkew * (events.length - 1))]!;
    open += sum / samples;
  }
  return { open: open / walks.length, closed: closed / walks.length };
}

const FIRST_NAMES = [
  'Siti',
  'Ahmad',
  'Muhammad',
  'Nur',
  'Dewi',
  'Budi',
  'Sri',
  'Agus',
  'Rina',
  'Hendra',
  'Yusuf',
  'Aminah',
  'Wahyu',
  'Fitri',
  'Rahmat',
  'Lestari',
  'Andi',
  'Yuliana',
  'Suparman',
  'Ratna',
  'Dedi',
  'Kartini',
  'Bambang',
  'Wati',
  'Joko',
  'Sulastri',
  'Irwan',
  'Hasanah',
  'Eko',
  'Marlina',
];
const LAST_NAMES = [
  'Saputra',
  'Wijaya',
  'Santoso',
  'Hidayat',
  'Nugroho',
  'Kurniawan',
  'Pratama',
  'Setiawan',
  'Rahman',
  'Siregar',
  'Lubis',
  'Hasibuan',
  'Simanjuntak',
  'Nasution',
  'Harahap',
  'Sitompul',
  'Pane',
  'Daulay',
  'Tanjung',
  'Batubara',
  'Sinaga',
  'Manurung',
  'Panjaitan',
  'Hutapea',
  'Situmorang',
  'Gultom',
  'Purba',
  'Damanik',
  'Saragih',
  'Ginting',
  'Tarigan',
  'Sembiring',
  'Karo',
  'Bangun',
  'Sitepu',
  'Barus',
  'Kaban',
  'Pelawi',
  'Perangin',
  'Tambunan',
];

const sqlArray = (items: readonly string[]): string => `ARRAY[${items.map((n) => `'${n}'`).join(',')}]`;

/** Pseudo-random but repeatable choices per case number g (multiplicative hashing, no random()). */
function batchSql(homeRegency: string, shape: ScaleShape): string {
  return `
    INSERT INTO gen_batch (g, id, regency_id, walk_no, stage, opened_at, name, nik, tracking)
    SELECT g,
      md5('alur-bench-case-' || g)::uuid::text,
      CASE WHEN (g * 7919) % 1000 < ${shape.homePermille} THEN '${homeRegency}' ELSE 'kab-' || lpad(((g * 31) % ${shape.otherRegencies})::text, 3, '0') END,
      w.walk_no,
      CASE WHEN h.closed THEN w.n_stages ELSE 1 + floor(power(h.u3, ${shape.openSkew}) * (w.n_stages - 1))::int END,
      CASE WHEN h.closed THEN ?::timestamptz - h.u4 * interval '1095 days' - interval '8 days' ELSE ?::timestamptz - h.u4 * interval '60 days' - interval '8 days' END,
      (${sqlArray(FIRST_NAMES)})[1 + g % ${FIRST_NAMES.length}] || ' ' || (${sqlArray(LAST_NAMES)})[1 + (g / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
      '64' || lpad((g * 7 + 1000000)::text, 14, '0'),
      'ALR-' || translate(lpad(upper(to_hex(g)), 10, '0'), '0123456789ABCDEF', 'ABCDEFGHJKMNPQRS')
    FROM generate_series(?::bigint, ?::bigint) g
    CROSS JOIN LATERAL (SELECT ((g * 2654435761) % 1000) < ${shape.closedPermille} AS closed,
                               ((g * 40503 + 977) % 65521) / 65521.0 AS u3,
                               ((g * 69069 + 1) % 1000003) / 1000003.0 AS u4,
                               (g * 48271) % (SELECT count(*) FROM tpl_walk) AS wn) h
    JOIN tpl_walk w ON w.walk_no = h.wn`;
}

const CASES_SQL = `
  INSERT INTO cases (id, regency_id, sop_id, version_id, tracking_code, status, current_step, revision, state, applicant_name, applicant_nik, opened_at, due_at, closed_at, overdue_at, updated_at)
  SELECT b.id, b.regency_id, w.sop_id, w.version_id, b.tracking, s.status, s.current_step, s.revision,
    replace(replace(replace(replace(s.state_text, '${PLACEHOLDER.caseId}', b.id), '${PLACEHOLDER.name}', b.name), '${PLACEHOLDER.nik}', b.nik), '"regency":"__HOME__"', '"regency":"' || b.regency_id || '"')::jsonb,
    b.name, b.nik, b.opened_at, b.opened_at + s.due_min * interval '1 minute', b.opened_at + s.closed_min * interval '1 minute', NULL, b.opened_at + s.updated_min * interval '1 minute'
  FROM gen_batch b JOIN tpl_walk w ON w.walk_no = b.walk_no JOIN tpl_stage s ON s.walk_no = b.walk_no AND s.stage = b.stage`;

const TASKS_SQL = `
  INSERT INTO tasks (id, case_id, regency_id, sop_id, step_id, actor_id, role, status, assignee, created_at, due_at, completed_at, overdue_at)
  SELECT b.id || t.task_suffix, b.id, b.regency_id, w.sop_id, t.step_id, t.actor_id, t.role, t.status, t.assignee,
    b.opened_at + t.created_min * interval '1 minute', b.opened_at + t.due_min * interval '1 minute', b.opened_at + t.completed_min * interval '1 minute', NULL
  FROM gen_batch b JOIN tpl_walk w ON w.walk_no = b.walk_no JOIN tpl_task t ON t.walk_no = b.walk_no AND t.stage = b.stage`;

const EVENTS_SQL = `
  INSERT INTO case_events (case_id, regency_id, seq, type, at, user_id, user_name, on_behalf_of_id, on_behalf_of_name, step_id, task_id, payload)
  SELECT b.id, b.regency_id, e.seq, e.type, b.opened_at + e.at_min * interval '1 minute', e.user_id, e.user_name, NULL, NULL, e.step_id,
    CASE WHEN e.task_suffix IS NULL THEN NULL ELSE b.id || e.task_suffix END,
    CASE WHEN e.has_placeholder THEN replace(e.payload_text, '${PLACEHOLDER.caseId}', b.id)::jsonb ELSE e.payload END
  FROM gen_batch b JOIN tpl_stage s ON s.walk_no = b.walk_no AND s.stage = b.stage JOIN tpl_event e ON e.walk_no = b.walk_no AND e.seq <= s.n_events`;

/** Prepares the generator's scratch table and the parsed template payloads (once per database). */
export async function prepareGenerator(db: Knex, homeRegency: string): Promise<void> {
  await db.raw(`ALTER TABLE tpl_event ADD COLUMN payload jsonb`);
  await db.raw(`UPDATE tpl_event SET payload = payload_text::jsonb`);
  await db.raw(
    `UPDATE tpl_stage SET state_text = replace(state_text, '"regency":"${homeRegency}"', '"regency":"__HOME__"')`,
  );
  await db.raw(
    `CREATE UNLOGGED TABLE gen_batch (g bigint, id text, regency_id text, walk_no int, stage int, opened_at timestamptz, name text, nik text, tracking text)`,
  );
}

/**
 * Inserts cases number `from`…`to - 1` with their tasks and events, set-based, in batches, through the
 * real tables with all their indexes, keys and triggers in place. Returns rows written per table.
 */
export async function generateCases(
  db: Knex,
  homeRegency: string,
  shape: ScaleShape,
  from: number,
  to: number,
  now: Date,
  log: (m: string) => void,
): Promise<{ cases: number; tasks: number; events: number }> {
  const batch = 50_000;
  const totals = { cases: 0, tasks: 0, events: 0 };
  for (let lo = from; lo < to; lo += batch) {
    const hi = Math.min(to, lo + batch) - 1;
    await db.transaction(async (trx) => {
      await trx.raw(`SET LOCAL synchronous_commit = off`);
      await trx.raw(`TRUNCATE gen_batch`);
      await trx.raw(batchSql(homeRegency, shape), [now, now, lo, hi]);
      totals.cases += ((await trx.raw(CASES_SQL)) as { rowCount: number }).rowCount;
      totals.tasks += ((await trx.raw(TASKS_SQL)) as { rowCount: number }).rowCount;
      totals.events += ((await trx.raw(EVENTS_SQL)) as { rowCount: number }).rowCount;
    });
    if ((hi + 1 - from) % 200_000 === 0 || hi + 1 === to)
      log(`  generated ${hi + 1 - from} of ${to - from} cases (${totals.events} events)`);
  }
  return totals;
}
