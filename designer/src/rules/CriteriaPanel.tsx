import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RawRegency } from '../../../engine/definition/sopTypes.ts';
import { CellInput } from '../table/CellInput.tsx';
import { availableRuleFields } from './availableFields.ts';
import { deleteCriterion, readCriteria, setCriterion } from './criteriaEdit.ts';
import { RuleBuilder } from './RuleBuilder.tsx';
import { writeRule } from './ruleModel.ts';

interface Props {
  source: string;
  regency: RawRegency;
  onChange: (source: string) => void;
}

/** Kriteria Sasaran: each criterion's sentence as printed and its rule, composed and tried at once. */
export function CriteriaPanel({ source, regency, onChange }: Props) {
  const { t } = useTranslation();
  const criteria = useMemo(() => readCriteria(source), [source]);
  const fields = useMemo(() => availableRuleFields(source, regency), [source, regency]);
  const [text, setText] = useState('');
  const add = () => {
    const f = fields[0];
    if (!f || text.trim() === '') return;
    const value = f.kind === 'yaTidak' ? true : f.kind === 'angka' ? 0 : (f.options?.[0] ?? '');
    const rule = writeRule({ join: 'all', clauses: [{ fact: f.name, operator: 'equal', value }] }, fields)!;
    onChange(setCriterion(source, criteria.length, text, rule));
    setText('');
  };
  return (
    <section className="criteria" data-testid="criteria">
      <h3>{t('designer.rules.criteria')}</h3>
      <p className="muted help">{t('designer.rules.criteriaHelp')}</p>
      <ol>
        {criteria.map((c, i) => (
          <li key={c.id} data-testid={`criterion-${i}`}>
            <CellInput
              value={c.text}
              label={t('designer.rules.criterionText')}
              onCommit={(next) => onChange(setCriterion(source, i, next || c.text, c.rule))}
            />
            <RuleBuilder
              source={source}
              regency={regency}
              condition={c.rule}
              idPrefix={`criterion-${i}`}
              onChange={(rule) => onChange(rule ? setCriterion(source, i, c.text, rule) : deleteCriterion(source, i))}
            />
            <button type="button" className="secondary small" onClick={() => onChange(deleteCriterion(source, i))}>
              {t('designer.rules.deleteCriterion')}
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <input
          id="new-criterion"
          aria-label={t('designer.rules.criterionText')}
          placeholder={t('designer.rules.criterionHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="button"
          className="secondary"
          disabled={fields.length === 0 || text.trim() === ''}
          onClick={add}
          data-testid="add-criterion"
        >
          + {t('designer.rules.addCriterion')}
        </button>
      </div>
      {fields.length === 0 && <small className="muted">{t('designer.rules.noFields')}</small>}
    </section>
  );
}
