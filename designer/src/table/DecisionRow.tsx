import { useTranslation } from 'react-i18next';
import { CellInput } from './CellInput.tsx';
import type { TableDecision } from './sopTableRead.ts';

interface Props {
  row: number;
  columns: number;
  decision: TableDecision;
  /** Steps and endings a branch may go to. */
  targets: Array<{ value: string; label: string }>;
  ruleOpen: boolean;
  onChange: (decision: { question: string; yes: string; no: string }) => void;
  onRule: () => void;
}

/** Under a decision row: its question and where Ya and Tidak go, picked from the steps and endings. */
export function DecisionRow({ row, columns, decision, targets, ruleOpen, onChange, onRule }: Props) {
  const { t } = useTranslation();
  const pick = (answer: 'yes' | 'no') => (
    <label className="inline">
      {t(`designer.table.${answer}`)} →{' '}
      <select
        value={decision[answer]}
        data-testid={`goto-${answer}-${row}`}
        aria-invalid={decision[answer] === ''}
        onChange={(e) => onChange({ ...decision, [answer]: e.target.value })}
      >
        {decision[answer] === '' && <option value="">{t('designer.table.pick')}</option>}
        {targets.map((x) => (
          <option key={x.value} value={x.value}>
            {x.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <tr className="decision-row" data-testid={`decision-row-${row}`}>
      <td colSpan={columns}>
        <div className="row">
          <span className="decision-mark" aria-hidden="true">
            ◆
          </span>
          <CellInput
            value={decision.question}
            label={t('designer.table.question')}
            placeholder={t('designer.table.questionHint')}
            onCommit={(question) => onChange({ ...decision, question })}
          />
          {pick('yes')}
          {pick('no')}
          <button
            type="button"
            className="secondary small"
            aria-pressed={ruleOpen}
            onClick={onRule}
            data-testid={`rule-${row}`}
          >
            {decision.when ? t('designer.table.editRule') : t('designer.table.addRule')}
          </button>
          <small className="muted">{decision.when ? t('designer.table.ruled') : t('designer.table.staffChoose')}</small>
        </div>
      </td>
    </tr>
  );
}
