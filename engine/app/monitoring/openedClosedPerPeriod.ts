import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { MonitoringScope } from './monitoringScope.ts';
import { localMidnight } from './period.ts';
import { openedClosedRows } from '../../storage/monitoring/openedClosedRows.ts';

/** Chart buckets, in the regency's local calendar (weeks start on Monday, as date_trunc does). */
export type Bucket = 'day' | 'week' | 'month';

/** One bucket of the opened/closed chart. */
export interface OpenedClosedPoint {
  /** Local date the bucket starts on (YYYY-MM-DD): the chart's x label. */
  period: string;
  /** The same start as a UTC instant. */
  start: string;
  opened: number;
  closed: number;
  /** Closed cases by outcome (they add up to `closed`). */
  selesai: number;
  ditolak: number;
  dirujuk: number;
  cancelled: number;
}

/** The opened/closed series of a period, gaps filled with zeros so a chart can plot it as is. */
export interface OpenedClosedSeries {
  bucket: Bucket;
  points: OpenedClosedPoint[];
  totals: Omit<OpenedClosedPoint, 'period' | 'start'>;
}

const MAX_BUCKETS: Record<Bucket, number> = { day: 1100, week: 600, month: 130 };
const APPROX_DAYS: Record<Bucket, number> = { day: 1, week: 7, month: 28 };

/** Cases opened (case.started) and closed (case.ended, by outcome) per day, week or month of the period. */
export async function openedClosedPerPeriod(
  db: Knex,
  scope: MonitoringScope,
  bucket: Bucket,
  offsetMinutes: number,
): Promise<OpenedClosedSeries> {
  const buckets = (scope.to.getTime() - scope.from.getTime()) / (APPROX_DAYS[bucket] * 86_400_000);
  if (buckets > MAX_BUCKETS[bucket])
    throw new AppError(
      'VALIDATION_FAILED',
      `Terlalu banyak titik untuk satuan "${bucket}"; pakai satuan yang lebih besar atau persempit rentang.`,
      '/bucket',
    );
  const rows = await openedClosedRows(db, scope, bucket, offsetMinutes);
  const points = rows.map((r) => {
    const [y, m, d] = r.period.split('-').map(Number);
    return { ...r, start: localMidnight(y!, m!, d!, offsetMinutes).toISOString() };
  });
  const totals = { opened: 0, closed: 0, selesai: 0, ditolak: 0, dirujuk: 0, cancelled: 0 };
  for (const p of points) for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += p[key];
  return { bucket, points, totals };
}
