import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogueContracts } from '../../../engine/contracts/catalogueContracts.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { BackupStatusLine } from '../dashboard/BackupStatusLine.tsx';
import type { DashboardFilters } from '../dashboard/dashboardTypes.ts';
import { FlowCharts } from '../dashboard/FlowCharts.tsx';
import { OutcomeCharts } from '../dashboard/OutcomeCharts.tsx';
import { ReportLinks } from '../dashboard/ReportLinks.tsx';
import { StepCharts } from '../dashboard/StepCharts.tsx';
import { useDashboardFigures } from '../dashboard/useDashboardFigures.ts';
import { DateInput } from '../../../ui-shared/components/DateInput.tsx';

/** The calendar day (YYYY-MM-DD) of a moment in a time zone: the regency's "today", wherever the PC is. */
function dayIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Monitoring for heads of office: the regency's (or one SOP's) figures of a period as charts, with exports. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { hasKind, session } = useSession();
  const today = dayIn(new Date(), session?.regency.timeZone ?? 'Asia/Jakarta');
  const [filters, setFilters] = useState<DashboardFilters>({
    sopId: '',
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    bucket: 'month',
  });
  const catalogue = useCall(catalogueContracts.catalogue, { query: { scope: 'all' } });
  const { figures, error, loading } = useDashboardFigures(filters);
  const set = (patch: Partial<DashboardFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const totals = figures?.summary.openedClosed.totals;
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      {hasKind('admin') && <BackupStatusLine />}
      <form className="card row" onSubmit={(e) => e.preventDefault()} aria-label={t('dashboard.filters')}>
        <div>
          <label htmlFor="dash-sop">{t('dashboard.service')}</label>
          <br />
          <select id="dash-sop" value={filters.sopId} onChange={(e) => set({ sopId: e.target.value })}>
            <option value="">{t('dashboard.allServices')}</option>
            {catalogue.data?.units.map((unit) => (
              <optgroup key={unit.id} label={unit.name}>
                {unit.services.map((s) => (
                  <option key={s.sopId} value={s.sopId}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="dash-from">{t('dashboard.from')}</label>
          <br />
          <DateInput id="dash-from" value={filters.from} onChange={(iso) => iso && set({ from: iso })} />
        </div>
        <div>
          <label htmlFor="dash-to">{t('dashboard.to')}</label>
          <br />
          <DateInput id="dash-to" value={filters.to} onChange={(iso) => iso && set({ to: iso })} />
        </div>
        <div>
          <label htmlFor="dash-bucket">{t('dashboard.bucket')}</label>
          <br />
          <select
            id="dash-bucket"
            value={filters.bucket}
            onChange={(e) => set({ bucket: e.target.value as DashboardFilters['bucket'] })}
          >
            <option value="day">{t('dashboard.day')}</option>
            <option value="week">{t('dashboard.week')}</option>
            <option value="month">{t('dashboard.month')}</option>
          </select>
        </div>
        {loading && (
          <span className="muted" role="status">
            {t('dashboard.loading')}
          </span>
        )}
      </form>
      <ErrorAlert error={error ?? catalogue.error} />
      {figures && totals && (
        <>
          <div className="kpis" data-testid="kpis">
            <div className="card kpi">
              <span>{t('dashboard.opened')}</span>
              <strong data-testid="kpi-opened">{totals.opened}</strong>
            </div>
            <div className="card kpi">
              <span>{t('dashboard.closed')}</span>
              <strong data-testid="kpi-closed">{totals.closed}</strong>
            </div>
            <div className="card kpi">
              <span>{t('dashboard.overdue')}</span>
              <strong data-testid="kpi-overdue">{figures.overdue.total}</strong>
            </div>
            <div className="card kpi">
              <span>IKM</span>
              <strong data-testid="kpi-ikm">
                {figures.satisfaction.overall
                  ? `${figures.satisfaction.overall.ikm.toFixed(1)} (${figures.satisfaction.overall.grade})`
                  : '–'}
              </strong>
            </div>
          </div>
          <div className="chart-grid-layout">
            <FlowCharts figures={figures} />
            <StepCharts figures={figures} />
            <OutcomeCharts figures={figures} />
          </div>
        </>
      )}
      <ReportLinks filters={filters} />
    </>
  );
}
