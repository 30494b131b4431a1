import type { ReplyOf } from '../../../engine/contracts/contract.ts';
import type { monitoringContracts } from '../../../engine/contracts/monitoringContracts.ts';

/** The dashboard's filters, as the monitoring API reads them. */
export interface DashboardFilters {
  sopId: string;
  from: string;
  to: string;
  bucket: 'day' | 'week' | 'month';
}

type FigureOf<K extends keyof typeof monitoringContracts> = ReplyOf<(typeof monitoringContracts)[K]>;

/** Every figure the dashboard shows, one API answer each (typed by the monitoring contracts). */
export interface DashboardFigures {
  summary: FigureOf<'summary'>;
  steps: FigureOf<'steps'>;
  bottlenecks: FigureOf<'bottlenecks'>;
  overdue: FigureOf<'overdue'>;
  sendBacks: FigureOf<'sendBacks'>;
  rejections: FigureOf<'rejections'>;
  satisfaction: FigureOf<'satisfaction'>;
}

/** The query parameters of the filters (empty SOP = all SOPs the user may monitor). */
export function filterQuery(filters: DashboardFilters): { from: string; to: string; bucket: string; sopId?: string } {
  return {
    from: filters.from,
    to: filters.to,
    bucket: filters.bucket,
    ...(filters.sopId ? { sopId: filters.sopId } : {}),
  };
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
