import { useTranslation } from 'react-i18next';
import type { EligibilityState } from '../../../engine/core/caseTypes.ts';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { explainCriterion, factTitles } from './explainCriterion.ts';

/** Kriteria Sasaran with each criterion's outcome and explanation. */
export function EligibilityPanel({
  eligibility,
  definition,
}: {
  eligibility: EligibilityState;
  /** Gives the fields' titles, so no raw field id or true/false reaches the officer. */
  definition?: SopDefinition;
}) {
  const { t } = useTranslation();
  const titles = definition ? factTitles(definition) : new Map<string, string>();
  return (
    <section className="card" data-testid="eligibility">
      <h2 style={{ marginTop: 0 }}>
        {t('task.eligibility')}{' '}
        <span className={eligibility.passed ? 'badge ok' : 'badge bad'}>
          {eligibility.passed ? t('task.passed') : t('task.failed')}
        </span>
      </h2>
      <ul>
        {eligibility.criteria.map((c) => (
          <li key={c.id}>
            <span className={c.outcome.passed ? 'badge ok' : 'badge bad'}>{c.outcome.passed ? '✓' : '✗'}</span> {c.text}
            <ul className="muted" style={{ fontSize: '.85rem' }}>
              {c.outcome.criteria.map((x) => (
                <li key={x.explanation}>{explainCriterion(x, titles, t)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
