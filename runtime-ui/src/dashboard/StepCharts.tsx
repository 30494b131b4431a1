import { useTranslation } from 'react-i18next';
import { BarChart } from '../../../ui-shared/components/charts/BarChart.tsx';
import { ChartCard } from '../../../ui-shared/components/charts/ChartCard.tsx';
import { formatSpan } from '../../../ui-shared/format/dateTime.ts';
import { percent, stepLabels, type DashboardFigures } from './dashboardTypes.ts';

/** Steps: duration against the Baku Mutu Waktu, the bottlenecks, and where files are sent back. */
export function StepCharts({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const span = (minutes: number): string => formatSpan(minutes * 60_000, t);
  const measured = figures.steps.steps
    .filter((s) => s.medianMinutes !== null)
    .sort((a, b) => (b.p90Ratio ?? 0) - (a.p90Ratio ?? 0))
    .slice(0, 15);
  const measuredLabels = stepLabels(measured);
  const { byDuration, byOpenAge } = figures.bottlenecks;
  const sentBack = figures.sendBacks.steps.filter((s) => s.sendBacks > 0);
  const sentBackLabels = stepLabels(sentBack);
  const durationLabels = stepLabels(byDuration);
  const ageLabels = stepLabels(byOpenAge);
  const missing = figures.sendBacks.missingBySop
    .flatMap((s) => s.missing.map((m) => ({ ...m, sopName: s.sopName })))
    .sort((a, b) => b.times - a.times)
    .slice(0, 12);
  return (
    <>
      <ChartCard
        title={t('dashboard.stepDurations')}
        testId="chart-step-durations"
        empty={measured.length === 0}
        chart={
          <>
            <p className="muted chart-legend">
              <span className="swatch chart-bar" /> {t('dashboard.median')} <span className="swatch chart-bar-behind" />{' '}
              p90 <span className="swatch chart-target" /> {t('dashboard.standard')}
            </p>
            <BarChart
              ariaLabel={t('dashboard.stepDurations')}
              format={span}
              bars={measured.map((s, i) => ({
                label: measuredLabels[i]!,
                value: s.medianMinutes ?? 0,
                ...(s.p90Minutes !== null ? { behind: s.p90Minutes } : {}),
                ...(s.allowedMedianMinutes !== null ? { target: s.allowedMedianMinutes } : {}),
                note: `${span(s.medianMinutes ?? 0)} / ${span(s.p90Minutes ?? 0)}${s.standard ? ` (${s.standard.text})` : ''}`,
              }))}
            />
          </>
        }
        header={[
          t('dashboard.service'),
          t('dashboard.step'),
          t('dashboard.standard'),
          t('dashboard.median'),
          'p90',
          t('dashboard.onTime'),
          t('dashboard.visits'),
        ]}
        rows={measured.map((s) => [
          s.sopName,
          s.activity,
          s.standard?.text ?? '–',
          span(s.medianMinutes ?? 0),
          span(s.p90Minutes ?? 0),
          percent(s.onTimeRate),
          s.visits,
        ])}
      />
      <section className="card chart-card" data-testid="bottlenecks">
        <h2>{t('dashboard.bottlenecks')}</h2>
        {byDuration.length === 0 && byOpenAge.length === 0 ? (
          <p className="muted">{t('dashboard.noData')}</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.step')}</th>
                <th scope="col">{t('dashboard.p90VsStandard')}</th>
                <th scope="col">{t('dashboard.openTasks')}</th>
                <th scope="col">{t('dashboard.oldest')}</th>
              </tr>
            </thead>
            <tbody>
              {byDuration.map((s, i) => (
                <tr key={`d-${s.sopId}-${s.stepId}`}>
                  <td>{durationLabels[i]}</td>
                  <td>{s.p90Ratio !== null ? `${s.p90Ratio.toFixed(1)}×` : '–'}</td>
                  <td>{s.openNow}</td>
                  <td>–</td>
                </tr>
              ))}
              {byOpenAge.map((s, i) => (
                <tr key={`a-${s.sopId}-${s.stepId}`}>
                  <td>{ageLabels[i]}</td>
                  <td>–</td>
                  <td>{s.openTasks}</td>
                  <td>{s.maxAgeMinutes !== null ? span(s.maxAgeMinutes) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ChartCard
        title={t('dashboard.sendBacks')}
        testId="chart-send-backs"
        empty={sentBack.length === 0}
        chart={
          <BarChart
            ariaLabel={t('dashboard.sendBacks')}
            format={(v) => String(Math.round(v))}
            integer
            bars={sentBack.map((s, i) => ({
              label: sentBackLabels[i]!,
              value: s.sendBacks,
              note: `${s.sendBacks} (${percent(s.sendBackRate)})`,
            }))}
          />
        }
        header={[
          t('dashboard.service'),
          t('dashboard.step'),
          t('dashboard.sendBackCount'),
          t('dashboard.rate'),
          t('dashboard.missingDocs'),
        ]}
        rows={sentBack.map((s) => [
          s.sopName,
          s.activity,
          s.sendBacks,
          percent(s.sendBackRate),
          s.missing.map((m) => `${m.label} (${m.times})`).join(', '),
        ])}
      />
      <ChartCard
        title={t('dashboard.missingDocs')}
        testId="chart-missing-documents"
        empty={missing.length === 0}
        chart={
          <BarChart
            ariaLabel={t('dashboard.missingDocs')}
            format={(v) => String(Math.round(v))}
            integer
            bars={missing.map((m) => ({ label: `${m.label} · ${m.sopName}`, value: m.times }))}
          />
        }
        header={[t('dashboard.document'), t('dashboard.service'), t('dashboard.times'), t('dashboard.cases')]}
        rows={missing.map((m) => [m.label, m.sopName, m.times, m.cases])}
      />
    </>
  );
}
