import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { sopCondition, type PeriodScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';
import { rowDecoder } from '../rowDecoder.ts';

const OpenedClosedRowSchema = Type.Object({
  period: Type.String(),
  opened: Type.Number(),
  closed: Type.Number(),
  selesai: Type.Number(),
  ditolak: Type.Number(),
  dirujuk: Type.Number(),
  cancelled: Type.Number(),
});

/** One row of openedClosedRows: one bucket, by the local date it starts on. */
export type OpenedClosedRow = Static<typeof OpenedClosedRowSchema>;

// Compiled once, at module load.
const openedClosedRowDecoder = rowDecoder('openedClosedRows', OpenedClosedRowSchema);

/** Local wall-clock time of an instant, as a timestamp without zone. */
function localTimestamp(instant: Date, offsetMinutes: number): string {
  return new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23).replace('T', ' ');
}

/**
 * Cases opened (case.started) and closed (case.ended, by outcome) per local day, week or month of the
 * period, every bucket present (empty ones as zeros).
 */
export async function openedClosedRows(
  db: Knex,
  scope: PeriodScope,
  bucket: 'day' | 'week' | 'month',
  offsetMinutes: number,
): Promise<OpenedClosedRow[]> {
  const sop = sopCondition(scope);
  return sqlRows(
    db,
    `WITH buckets AS (
       SELECT generate_series(date_trunc(?, ?::timestamp), ?::timestamp - interval '1 microsecond', ('1 ' || ?)::interval) AS bucket
     ), ev AS (
       SELECT date_trunc(?, (e.at AT TIME ZONE 'UTC') + make_interval(mins => ?)) AS bucket, e.type, e.payload->>'outcome' AS outcome
       FROM case_events e JOIN cases c ON c.id = e.case_id AND c.regency_id = e.regency_id
       WHERE e.regency_id = ? AND e.type IN ('case.started', 'case.ended') AND e.at >= ? AND e.at < ?${sop.sql}
     )
     SELECT to_char(b.bucket, 'YYYY-MM-DD') AS period,
       count(ev.type) FILTER (WHERE ev.type = 'case.started')::int AS opened,
       count(ev.type) FILTER (WHERE ev.type = 'case.ended')::int AS closed,
       count(ev.type) FILTER (WHERE ev.type = 'case.ended' AND ev.outcome = 'selesai')::int AS selesai,
       count(ev.type) FILTER (WHERE ev.type = 'case.ended' AND ev.outcome = 'ditolak')::int AS ditolak,
       count(ev.type) FILTER (WHERE ev.type = 'case.ended' AND ev.outcome = 'dirujuk')::int AS dirujuk,
       count(ev.type) FILTER (WHERE ev.type = 'case.ended' AND ev.outcome = 'cancelled')::int AS cancelled
     FROM buckets b LEFT JOIN ev ON ev.bucket = b.bucket
     GROUP BY b.bucket ORDER BY b.bucket`,
    [
      bucket,
      localTimestamp(scope.from, offsetMinutes),
      localTimestamp(scope.to, offsetMinutes),
      bucket,
      bucket,
      offsetMinutes,
      scope.regencyId,
      scope.from,
      scope.to,
      ...sop.bindings,
    ],
    openedClosedRowDecoder,
  );
}
