import { useTranslation } from 'react-i18next';
import { BarChart } from '../../../ui-shared/components/charts/BarChart.tsx';
import { ChartCard } from '../../../ui-shared/components/charts/ChartCard.tsx';
import { ColumnChart } from '../../../ui-shared/components/charts/ColumnChart.tsx';
import { percent, periodLabel, stepLabels, type DashboardFigures } from './dashboardTypes.ts';

const count = (v: number): string => String(Math.round(v));

/** Volume and flow: cases opened and ended per period, open cases by stage, on-time rates per SOP. */
export function FlowCharts({ figures }: { figures: DashboardFigures }) {
  const { t, i18n } = useTranslation();
  const { openedClosed, openByStage, onTime } = figures.summary;
  const stages = openByStage.filter((s) => s.cases > 0).slice(0, 20);
  const stageLabels = stepLabels(stages);
  const timed = onTime.filter((s) => s.timedCases > 0 || s.timedSteps > 0);
  return (
    <>
      <ChartCard
        title={t('dashboard.openedClosed')}
        testId="chart-opened-closed"
        empty={openedClosed.points.every((p) => p.opened === 0 && p.closed === 0)}
        chart={
          <ColumnChart
            ariaLabel={t('dashboard.openedClosed')}
            series={[t('dashboard.opened'), t('dashboard.closed')]}
            columns={openedClosed.points.map((p) => ({
              label: periodLabel(p.period, openedClosed.bucket, i18n.language),
              values: [p.opened, p.closed],
            }))}
          />
        }
        header={[
          t('dashboard.period'),
          t('dashboard.opened'),
          t('dashboard.closed'),
          t('status.completed'),
          t('status.rejected'),
          t('status.referred'),
        ]}
        rows={openedClosed.points.map((p) => [p.period, p.opened, p.closed, p.selesai, p.ditolak, p.dirujuk])}
      />
      <ChartCard
        title={t('dashboard.openByStage')}
        testId="chart-open-by-stage"
        empty={stages.length === 0}
        chart={
          <BarChart
            ariaLabel={t('dashboard.openByStage')}
            format={count}
            integer
            bars={stages.map((s, i) => ({
              label: stageLabels[i]!,
              value: s.cases,
              note:
                s.overdue > 0 ? `${s.cases} (${t('dashboard.overdueCount', { count: s.overdue })})` : String(s.cases),
            }))}
          />
        }
        header={[
          t('dashboard.service'),
          t('dashboard.step'),
          t('dashboard.cases'),
          t('dashboard.waiting'),
          t('dashboard.overdue'),
        ]}
        rows={stages.map((s) => [s.sopName, s.activity, s.cases, s.waiting, s.overdue])}
      />
      <ChartCard
        title={t('dashboard.onTimeSop')}
        testId="chart-on-time"
        empty={timed.length === 0}
        chart={
          <BarChart
            ariaLabel={t('dashboard.onTimeSop')}
            format={(v) => `${Math.round(v * 100)}%`}
            maxValue={1}
            bars={timed.map((s) => ({
              label: s.sopName,
              value: s.stepOnTimeRate ?? 0,
              ...(s.caseOnTimeRate !== null ? { target: s.caseOnTimeRate } : {}),
              note: `${t('dashboard.steps')} ${percent(s.stepOnTimeRate)} · ${t('dashboard.cases')} ${percent(s.caseOnTimeRate)}`,
            }))}
          />
        }
        header={[
          t('dashboard.service'),
          t('dashboard.standard'),
          t('dashboard.decided'),
          t('dashboard.caseOnTime'),
          t('dashboard.stepOnTime'),
        ]}
        rows={timed.map((s) => [
          s.sopName,
          s.standard?.text ?? '–',
          s.decided,
          percent(s.caseOnTimeRate),
          percent(s.stepOnTimeRate),
        ])}
      />
    </>
  );
}
