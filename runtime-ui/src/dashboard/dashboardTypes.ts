import type { Bottlenecks } from '../../../engine/app/monitoring/bottlenecks.ts';
import type { DashboardSummary } from '../../../engine/app/monitoring/dashboardSummary.ts';
import type { OverdueReport } from '../../../engine/app/monitoring/overdueTasks.ts';
import type { RejectionReport } from '../../../engine/app/monitoring/rejectionReasons.ts';
import type { SatisfactionReport } from '../../../engine/app/monitoring/satisfaction/satisfactionByService.ts';
import type { SendBackReport } from '../../../engine/app/monitoring/sendBacks.ts';
import type { StepFigure } from '../../../engine/app/monitoring/stepDurations.ts';

/** The dashboard's filters, as the monitoring API reads them. */
export interface DashboardFilters {
  sopId: string;
  from: string;
  to: string;
  bucket: 'day' | 'week' | 'month';
}

/** Every figure the dashboard shows, one API answer each. */
export interface DashboardFigures {
  summary: DashboardSummary;
  steps: { steps: StepFigure[] };
  bottlenecks: Bottlenecks;
  overdue: OverdueReport;
  sendBacks: SendBackReport;
  rejections: RejectionReport;
  satisfaction: SatisfactionReport;
}

/** The query string of the filters (empty SOP = all SOPs the user may monitor). */
export function filterQuery(filters: DashboardFilters): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to, bucket: filters.bucket });
  if (filters.sopId) params.set('sopId', filters.sopId);
  return params.toString();
}

/** A share 0–1 as a whole percentage, or a dash. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`;
}

/** Labels for step rows: the activity alone when every row is of one SOP, else prefixed with the SOP's name. */
export function stepLabels(rows: ReadonlyArray<{ sopId: string; sopName: string; activity: string }>): string[] {
  const oneSop = new Set(rows.map((r) => r.sopId)).size <= 1;
  return rows.map((r) => (oneSop ? r.activity : `${r.sopName}: ${r.activity}`));
}

/** A bucket's start date (YYYY-MM-DD) as a short axis label: "Jan 26" for months, "03/02" for days and weeks. */
export function periodLabel(period: string, bucket: string, language: string): string {
  const date = new Date(`${period}T00:00:00Z`);
  const locale = language === 'en' ? 'en-GB' : 'id-ID';
  if (bucket === 'month')
    return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(date);
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(date);
}
