import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_REPORTS } from '../../../engine/app/monitoring/exports/exportReportNames.ts';
import { monitoringContracts } from '../../../engine/contracts/monitoringContracts.ts';
import { fileHref } from '../../../ui-shared/api/fileHref.ts';
import { filterQuery, type DashboardFilters } from './dashboardTypes.ts';

const MIN_REASON = 10;

/** Downloads of the figures (CSV/XLSX, the reason goes to the access log) and the yearly SOP evaluation. */
export function ReportLinks({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const [report, setReport] = useState<string>('opened-closed');
  const [reason, setReason] = useState('');
  const year = filters.to.slice(0, 4);
  const ready = reason.trim().length >= MIN_REASON;
  const href = (format: 'csv' | 'xlsx'): string =>
    fileHref(monitoringContracts.export, {
      params: { report, format },
      query: { ...filterQuery(filters), reason: reason.trim() },
    });
  return (
    <section className="card" data-testid="report-links">
      <h2>{t('dashboard.reports')}</h2>
      <div className="row">
        <div>
          <label htmlFor="export-report">{t('dashboard.exportReport')}</label>
          <br />
          <select id="export-report" value={report} onChange={(e) => setReport(e.target.value)}>
            {EXPORT_REPORTS.map((r) => (
              <option key={r} value={r}>
                {t(`dashboard.export.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div style={{ flex: '1 1 260px' }}>
          <label htmlFor="export-reason">{t('dashboard.exportReason')}</label>
          <br />
          <input
            id="export-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            style={{ width: '100%' }}
            aria-describedby="export-reason-help"
          />
          <small id="export-reason-help" className="muted">
            {t('dashboard.exportReasonHelp', { count: MIN_REASON })}
          </small>
        </div>
        {ready ? (
          <>
            <a className="button secondary" data-testid="export-csv" href={href('csv')}>
              CSV
            </a>
            <a className="button secondary" data-testid="export-xlsx" href={href('xlsx')}>
              XLSX
            </a>
          </>
        ) : (
          <span className="muted">{t('dashboard.exportNeedsReason')}</span>
        )}
      </div>
      {filters.sopId ? (
        <p>
          <a
            data-testid="evaluation-link"
            href={fileHref(monitoringContracts.evaluationHtml, { params: { sopId: filters.sopId, year } })}
            target="_blank"
            rel="noopener"
          >
            {t('dashboard.evaluation', { year })}
          </a>
        </p>
      ) : (
        <p className="muted">{t('dashboard.evaluationPickSop')}</p>
      )}
    </section>
  );
}
