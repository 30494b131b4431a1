import { useTranslation } from 'react-i18next';
import { BarChart } from '../../../ui-shared/components/charts/BarChart.tsx';
import { ChartCard } from '../../../ui-shared/components/charts/ChartCard.tsx';
import { formatSpan } from '../../../ui-shared/format/dateTime.ts';
import { percent, type DashboardFigures } from './dashboardTypes.ts';

const count = (v: number): string => String(Math.round(v));

/** Late work by unit and person, rejection reasons, complaints and satisfaction (IKM) per service. */
export function OutcomeCharts({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const { overdue, rejections, satisfaction } = figures;
  const complaints = figures.summary.complaints.perService;
  const unitName = (name: string | null): string => name ?? t('dashboard.noUnit');
  return (
    <>
      <ChartCard
        title={t('dashboard.overdueByUnit', { count: overdue.total })}
        testId="chart-overdue"
        empty={overdue.total === 0}
        chart={
          <BarChart
            ariaLabel={t('dashboard.overdueByUnit', { count: overdue.total })}
            format={count}
            integer
            bars={overdue.byUnit.map((u) => ({ label: unitName(u.unitName), value: u.tasks }))}
          />
        }
        header={[t('dashboard.unit'), t('dashboard.person'), t('dashboard.tasks'), t('dashboard.mostLate')]}
        rows={overdue.byPerson.map((p) => [
          unitName(p.unitName),
          p.assigneeName ?? p.roleName,
          p.tasks,
          p.maxMinutesLate !== null ? formatSpan(p.maxMinutesLate * 60_000, t) : '–',
        ])}
      />
      <ChartCard
        title={t('dashboard.rejections')}
        testId="chart-rejections"
        empty={rejections.reasons.length === 0}
        chart={
          <BarChart
            ariaLabel={t('dashboard.rejections')}
            format={count}
            integer
            bars={rejections.reasons.slice(0, 12).map((r) => ({ label: `${r.reason} · ${r.sopName}`, value: r.cases }))}
          />
        }
        header={[t('dashboard.service'), t('dashboard.decided'), t('dashboard.rejected'), t('dashboard.rate')]}
        rows={rejections.perSop
          .filter((s) => s.decided > 0)
          .map((s) => [s.sopName, s.decided, s.rejected, percent(s.rejectionRate)])}
      />
      <ChartCard
        title={t('dashboard.complaints')}
        testId="chart-complaints"
        empty={complaints.length === 0}
        chart={
          <BarChart
            ariaLabel={t('dashboard.complaints')}
            format={count}
            integer
            bars={complaints.map((c) => ({
              label: c.sopName,
              value: c.complaints,
              note: `${c.complaints} (${t('dashboard.openCount', { count: c.open })})`,
            }))}
          />
        }
        header={[
          t('dashboard.service'),
          t('dashboard.complaintCount'),
          t('dashboard.openComplaints'),
          t('dashboard.casesConcerned'),
        ]}
        rows={complaints.map((c) => [c.sopName, c.complaints, c.open, c.casesConcerned])}
      />
      <ChartCard
        title={
          satisfaction.overall
            ? t('dashboard.satisfactionOverall', {
                ikm: satisfaction.overall.ikm.toFixed(2),
                grade: satisfaction.overall.grade,
                performance: satisfaction.overall.performance,
              })
            : t('dashboard.satisfaction')
        }
        testId="chart-satisfaction"
        empty={satisfaction.perService.length === 0}
        chart={
          <BarChart
            ariaLabel={t('dashboard.satisfaction')}
            format={count}
            maxValue={100}
            bars={satisfaction.perService.map((s) => ({
              label: s.sopName,
              value: s.ikm,
              note: `${s.ikm.toFixed(2)} · ${s.grade} (${s.performance})`,
            }))}
          />
        }
        header={[t('dashboard.service'), t('dashboard.responses'), 'IKM', t('dashboard.grade')]}
        rows={satisfaction.perService.map((s) => [
          s.sopName,
          s.responses,
          s.ikm.toFixed(2),
          `${s.grade} (${s.performance})`,
        ])}
      />
    </>
  );
}
