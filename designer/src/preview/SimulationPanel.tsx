import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulationResult } from '../../../engine/app/designer/simulateWalk.ts';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { planScenarios } from '../../../engine/simulation/planScenarios.ts';
import { formDataFor, wantedFactsFrom } from '../../../engine/simulation/scenarioData.ts';
import { designerMigrationContracts } from '../../../engine/contracts/designerContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { StepForm } from '../../../ui-shared/components/StepForm.tsx';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui-shared/format/dateTime.ts';

/** Nine o'clock on the next working Monday-ish morning: a realistic start for the deadlines shown. */
function nextMorning(): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(1, 0, 0, 0);
  return d;
}

/**
 * Walks the SOP with sample case data: which branch each rule takes and why, the deadline of every step
 * and of the whole case on the regency's working calendar. Scenarios and sample data come from the
 * engine here; the walk itself runs on the server (the engine's validators need code generation).
 */
export function SimulationPanel({
  definition,
  source,
  timeZone,
}: {
  definition: SopDefinition;
  source: string;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const scenarios = useMemo(() => planScenarios(definition), [definition]);
  const [scenarioIndex, setScenarioIndex] = useState(0);
  const start = useMemo(nextMorning, []);
  const scenario = scenarios[Math.min(scenarioIndex, scenarios.length - 1)];
  const sample = useMemo(
    () => (scenario ? formDataFor(definition.caseData.schema, wantedFactsFrom(definition, scenario, 0, start)) : {}),
    [definition, scenario, start],
  );
  const [caseData, setCaseData] = useState<Record<string, unknown> | undefined>();
  const [result, setResult] = useState<SimulationResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(
        await call(designerMigrationContracts.simulate, {
          body: {
            source,
            caseData: caseData ?? sample,
            ...(scenario ? { scenario } : {}),
            start: start.toISOString(),
          },
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="simulation">
      <div className="row">
        <div style={{ flex: '1 1 240px' }}>
          <label htmlFor="scenario">{t('designer.simulation.scenario')}</label>
          <select
            id="scenario"
            value={scenarioIndex}
            style={{ width: '100%' }}
            onChange={(e) => {
              setScenarioIndex(Number(e.target.value));
              setCaseData(undefined);
              setResult(undefined);
            }}
          >
            {scenarios.map((s, i) => (
              <option key={s.name} value={i}>
                {s.name} → {s.ending}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => void run()} disabled={busy}>
          {t('designer.simulation.run')}
        </button>
      </div>
      <details className="card" style={{ marginTop: '.75rem' }}>
        <summary>{t('designer.simulation.caseData')}</summary>
        <div className="rjsf">
          <StepForm
            id="simulation-data"
            form={definition.caseData}
            formData={caseData ?? sample}
            language={language}
            onChange={setCaseData}
          />
        </div>
      </details>
      <ErrorAlert error={error} />
      {result && (
        <div aria-live="polite">
          {result.error && (
            <div className="alert error" role="alert">
              {result.error}
            </div>
          )}
          <dl className="facts card">
            <dt>{t('designer.simulation.outcome')}</dt>
            <dd data-testid="simulation-outcome">{result.outcome ?? '—'}</dd>
            <dt>{t('designer.simulation.caseDue')}</dt>
            <dd>{formatDateTime(result.caseDueAt, i18n.language, timeZone)}</dd>
            <dt>{t('designer.simulation.finished')}</dt>
            <dd>{formatDateTime(result.finishedAt, i18n.language, timeZone)}</dd>
            {result.eligibility && (
              <>
                <dt>{t('task.eligibility')}</dt>
                <dd>
                  {result.eligibility.criteria.map((c) => (
                    <div key={c.id}>
                      {c.outcome.passed ? '✔' : '✘'} {c.text}
                    </div>
                  ))}
                </dd>
              </>
            )}
          </dl>
          <ol className="simulation-steps">
            {result.visits.map((v, i) => (
              <li key={`${v.stepId}-${i}`}>
                <strong>{v.activity}</strong>
                <div className="muted">
                  {v.actors.join(', ')} · {t('designer.simulation.due')}:{' '}
                  {formatDateTime(v.dueAt, i18n.language, timeZone)}
                </div>
                {v.decision && (
                  <div className="decision">
                    {t('designer.simulation.branch')}: <strong>{v.decision.chosen}</strong>{' '}
                    {v.decision.mode === 'human' ? `(${t('designer.simulation.human')})` : ''}
                    <ul>
                      {v.decision.branches.map((b) => (
                        <li key={b.label}>
                          {b.passed ? '✔' : '✘'} {b.label}: {b.explanations.join('; ')}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
