import type { Knex } from 'knex';
import { AppError } from '../../appErrors.ts';
import type { AccessProfile } from '../../permissions/accessProfile.ts';
import { bottlenecks } from '../bottlenecks.ts';
import { complaintsPerService } from '../complaintsPerService.ts';
import type { MonitoringRequest } from '../monitoringRequest.ts';
import { onTimeRate } from '../onTimeRate.ts';
import { openCasesByStage } from '../openCasesByStage.ts';
import { openedClosedPerPeriod } from '../openedClosedPerPeriod.ts';
import { overdueTasks } from '../overdueTasks.ts';
import { rejectionReasons } from '../rejectionReasons.ts';
import { satisfactionByService } from '../satisfaction/satisfactionByService.ts';
import { sendBacks } from '../sendBacks.ts';
import { stepDurations } from '../stepDurations.ts';
import {
  bottlenecksTable,
  complaintsTable,
  missingDocumentsTable,
  onTimeTable,
  openByStageTable,
  openedClosedTable,
  overdueTable,
  rejectionsTable,
  satisfactionTable,
  sendBacksTable,
  stepsTable,
} from './figureTables.ts';
import { registerTable, type RegisterFilter } from './registerTable.ts';
import type { ReportTable } from './reportTable.ts';
import type { ExportReportName } from './exportReportNames.ts';
import { toCsv } from './toCsv.ts';
import { toXlsx } from './toXlsx.ts';

/** Export file formats. */
export type ExportFormat = 'csv' | 'xlsx';

const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function tableOf(
  db: Knex,
  request: MonitoringRequest,
  access: AccessProfile,
  report: ExportReportName,
  register: RegisterFilter,
): Promise<ReportTable> {
  const { context, scope, bucket, now } = request;
  const offset = context.calendar.offsetMinutes;
  switch (report) {
    case 'register':
      return registerTable(db, context, access, register, now);
    case 'opened-closed':
      return openedClosedTable(await openedClosedPerPeriod(db, scope, bucket, offset));
    case 'open-by-stage':
      return openByStageTable(await openCasesByStage(db, context, scope, now), offset);
    case 'steps':
      return stepsTable(await stepDurations(db, context, scope, now));
    case 'on-time':
      return onTimeTable(await onTimeRate(db, context, scope, await stepDurations(db, context, scope, now)));
    case 'bottlenecks':
      return bottlenecksTable(
        await bottlenecks(db, context, scope, await stepDurations(db, context, scope, now), now, { limit: 1000 }),
      );
    case 'overdue':
      return overdueTable(await overdueTasks(db, context, scope, now, 1000), offset);
    case 'send-backs':
      return sendBacksTable(await sendBacks(db, context, scope));
    case 'missing-documents':
      return missingDocumentsTable(await sendBacks(db, context, scope));
    case 'rejections':
      return rejectionsTable(await rejectionReasons(db, context, scope));
    case 'complaints':
      return complaintsTable(await complaintsPerService(db, context, scope));
    case 'satisfaction':
      return satisfactionTable(await satisfactionByService(db, context, scope, 0));
  }
}

/** An export ready to send. */
export interface ExportFile {
  content: Buffer;
  mediaType: string;
  fileName: string;
  rows: number;
}

/** Builds one report as CSV or XLSX (the register with the user's case visibility, NIK masked). */
export async function exportReport(
  db: Knex,
  request: MonitoringRequest,
  access: AccessProfile,
  report: ExportReportName,
  format: string,
  register: RegisterFilter = {},
): Promise<ExportFile> {
  if (format !== 'csv' && format !== 'xlsx') throw new AppError('NOT_FOUND', 'Format ekspor harus csv atau xlsx.');
  const table = await tableOf(db, request, access, report, register);
  const content = format === 'csv' ? toCsv(table) : await toXlsx(table);
  const day = new Date(request.now.getTime() + request.context.calendar.offsetMinutes * 60_000)
    .toISOString()
    .slice(0, 10);
  return {
    content,
    mediaType: MEDIA_TYPES[format],
    fileName: `${request.context.regency.id}-${table.name}-${day}.${format}`,
    rows: table.rows.length,
  };
}
