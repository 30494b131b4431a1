import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { AccessProfile } from '../permissions/accessProfile.ts';
import { assertSopVisible, monitoringSopFilter } from './monitoringAccess.ts';
import { loadMonitoringContext, requireSop, type MonitoringContext } from './monitoringContext.ts';
import type { MonitoringScope } from './monitoringScope.ts';
import type { Bucket } from './openedClosedPerPeriod.ts';
import { parsePeriod } from './period.ts';

/** A monitoring request as the figures need it: context, scope (regency, SOP, visible SOPs, period), chart bucket, list limit and now. */
export interface MonitoringRequest {
  context: MonitoringContext;
  scope: MonitoringScope;
  bucket: Bucket;
  limit: number;
  now: Date;
}

const DAY = 86_400_000;

function bucketOf(value: string | undefined, span: number): Bucket {
  if (value === undefined || value === '') return span <= 62 * DAY ? 'day' : span <= 366 * DAY ? 'week' : 'month';
  if (value === 'day' || value === 'week' || value === 'month') return value;
  throw new AppError('VALIDATION_FAILED', 'Satuan periode harus day, week atau month.', '/bucket');
}

function limitOf(value: string | undefined): number {
  if (value === undefined || value === '') return 200;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new AppError('VALIDATION_FAILED', 'Batas jumlah baris harus bilangan bulat 1–1000.', '/limit');
  return n;
}

/**
 * Reads the common query parameters of the monitoring API: `sopId` (404 unknown, 403 outside the
 * user's unit), `from`/`to` (regency-local dates, see parsePeriod), `bucket` (day|week|month; by default
 * chosen from the period's length) and `limit`.
 */
export async function monitoringRequest(
  db: Knex,
  access: AccessProfile,
  query: Record<string, string | undefined>,
  now = new Date(),
): Promise<MonitoringRequest> {
  const context = await loadMonitoringContext(db, access.regencyId);
  const sops = monitoringSopFilter(access);
  const sopId = query.sopId === undefined || query.sopId === '' ? undefined : requireSop(context, query.sopId).id;
  assertSopVisible(sops, sopId);
  const period = parsePeriod(query, context.calendar.offsetMinutes, now);
  const scope: MonitoringScope = {
    regencyId: access.regencyId,
    ...period,
    ...(sopId !== undefined ? { sopId } : {}),
    ...(sops !== undefined ? { sops } : {}),
  };
  return {
    context,
    scope,
    bucket: bucketOf(query.bucket, period.to.getTime() - period.from.getTime()),
    limit: limitOf(query.limit),
    now,
  };
}
