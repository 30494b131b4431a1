// No imports: the browser app lists the same reports without bundling the server's export code.

/** Reports that can be exported, by the name used in /api/exports/{report}.{format}. */
export const EXPORT_REPORTS = [
  'register',
  'opened-closed',
  'open-by-stage',
  'steps',
  'on-time',
  'bottlenecks',
  'overdue',
  'send-backs',
  'missing-documents',
  'rejections',
  'complaints',
  'satisfaction',
] as const;

/** One exportable report. */
export type ExportReportName = (typeof EXPORT_REPORTS)[number];

/** Whether a path segment names an exportable report. */
export function isExportReport(name: string): name is ExportReportName {
  return (EXPORT_REPORTS as readonly string[]).includes(name);
}
