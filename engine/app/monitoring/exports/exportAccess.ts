import type { Knex } from 'knex';
import { recordAccess } from '../../accessLog/recordAccess.ts';
import type { AuthUser } from '../../authUser.ts';

/** What an export records about itself: who, which report, why, with which filters, how many rows. */
export interface ExportAccess {
  user: AuthUser;
  route: string;
  report: string;
  format: string;
  reason: string;
  filters: Record<string, string>;
  rows: number;
  ip?: string;
}

/** Records one export; called in the request's transaction before the file leaves. */
export type ExportRecorder = (db: Knex, entry: ExportAccess) => Promise<void>;

/** The default recorder: one access-log record (action "export") with the reason given by the user. */
export const recordExportInAccessLog: ExportRecorder = async (db, entry) => {
  await recordAccess(db, {
    user: entry.user,
    action: 'export',
    route: entry.route,
    resource: `${entry.report}.${entry.format}`,
    reason: entry.reason,
    detail: { filters: entry.filters, rows: entry.rows },
    ...(entry.ip !== undefined ? { ip: entry.ip } : {}),
  });
};
