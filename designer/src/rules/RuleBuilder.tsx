import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compileCondition, type ConditionOutcome } from '../../../engine/core/rules/evaluateCondition.ts';
import type { RawRegency, RuleCondition } from '../../../engine/definition/sopTypes.ts';
import { availableRuleFields } from './availableFields.ts';
import {
  RULE_OPERATORS,
  readRule,
  sampleValue,
  typedValue,
  writeRule,
  type Clause,
  type RuleField,
  type SimpleRule,
} from './ruleModel.ts';

interface Props {
  source: string;
  regency: RawRegency;
  condition: RuleCondition | undefined;
  onChange: (condition: RuleCondition | null) => void;
  /** Distinguishes two builders on one page (ids of inputs). */
  idPrefix?: string;
}

function valueText(value: Clause['value']): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * A rule composed from the case's fields and Indonesian operators ("Usia paling sedikit 60"), tried at once
 * on sample data typed beside it, with the engine's own explanation of each comparison.
 */
export function RuleBuilder({ source, regency, condition, onChange, idPrefix = 'rule' }: Props) {
  const { t } = useTranslation();
  const fields = useMemo(() => availableRuleFields(source, regency), [source, regency]);
  const rule = useMemo(() => readRule(condition), [condition]);
  const [sample, setSample] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<ConditionOutcome>();
  useEffect(() => {
    let live = true;
    if (!condition) return setOutcome(undefined);
    const facts = Object.fromEntries(
      Object.entries(sample).map(([k, v]) => [
        k,
        sampleValue(
          v,
          fields.find((f) => f.name === k),
        ),
      ]),
    );
    void compileCondition(condition)
      .evaluate(facts)
      .then((result) => live && setOutcome(result));
    return () => void (live = false);
  }, [condition, sample, fields]);
  if (!rule) return <div className="alert info">{t('designer.rules.tooComplex')}</div>;
  const write = (next: SimpleRule) => onChange(writeRule(next, fields) ?? null);
  const setClause = (i: number, clause: Clause) =>
    write({ ...rule, clauses: rule.clauses.map((c, j) => (j === i ? clause : c)) });
  const fieldOf = (name: string): RuleField | undefined => fields.find((f) => f.name === name);
  return (
    <div className="rule-builder" data-testid={`${idPrefix}-builder`}>
      {rule.clauses.length > 1 && (
        <label className="inline">
          {t('designer.rules.join')}{' '}
          <select value={rule.join} onChange={(e) => write({ ...rule, join: e.target.value as 'all' | 'any' })}>
            <option value="all">{t('designer.rules.all')}</option>
            <option value="any">{t('designer.rules.any')}</option>
          </select>
        </label>
      )}
      <ol className="clauses">
        {rule.clauses.map((c, i) => {
          const field = fieldOf(c.fact);
          const operators = RULE_OPERATORS.filter((o) =>
            (o.kinds as readonly string[]).includes(field?.kind ?? 'teks'),
          );
          return (
            <li key={i} className="row">
              <select
                aria-label={t('designer.rules.field')}
                id={`${idPrefix}-field-${i}`}
                value={c.fact}
                onChange={(e) => setClause(i, { ...c, fact: e.target.value })}
              >
                {!field && <option value={c.fact}>{c.fact}</option>}
                {fields.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.label}
                  </option>
                ))}
              </select>
              <select
                aria-label={t('designer.rules.operator')}
                id={`${idPrefix}-op-${i}`}
                value={c.operator}
                onChange={(e) =>
                  setClause(i, {
                    ...c,
                    operator: e.target.value,
                    value: typedValue(valueText(c.value), field, e.target.value),
                  })
                }
              >
                {operators.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
              {field?.kind === 'yaTidak' ? (
                <select
                  aria-label={t('designer.rules.value')}
                  value={String(c.value)}
                  onChange={(e) => setClause(i, { ...c, value: e.target.value === 'true' })}
                >
                  <option value="true">{t('designer.forms.yes')}</option>
                  <option value="false">{t('designer.forms.no')}</option>
                </select>
              ) : field?.kind === 'pilihan' && c.operator !== 'in' && c.operator !== 'notIn' ? (
                <select
                  aria-label={t('designer.rules.value')}
                  id={`${idPrefix}-value-${i}`}
                  value={String(c.value)}
                  onChange={(e) => setClause(i, { ...c, value: e.target.value })}
                >
                  {!field.options?.includes(String(c.value)) && (
                    <option value={String(c.value)}>{String(c.value)}</option>
                  )}
                  {field.options?.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : (
                <ValueInput
                  id={`${idPrefix}-value-${i}`}
                  value={valueText(c.value)}
                  hint={c.operator === 'in' || c.operator === 'notIn' ? t('designer.rules.listHint') : undefined}
                  onCommit={(text) => setClause(i, { ...c, value: typedValue(text, field, c.operator) })}
                />
              )}
              <button
                type="button"
                className="secondary small"
                onClick={() => write({ ...rule, clauses: rule.clauses.filter((_, j) => j !== i) })}
              >
                {t('designer.table.delete')}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="secondary small"
        disabled={fields.length === 0}
        data-testid={`${idPrefix}-add-clause`}
        onClick={() => {
          const f = fields[0]!;
          const value = f.kind === 'yaTidak' ? true : f.kind === 'angka' ? 0 : (f.options?.[0] ?? '');
          write({ ...rule, clauses: [...rule.clauses, { fact: f.name, operator: 'equal', value }] });
        }}
      >
        + {t('designer.rules.addClause')}
      </button>
      {fields.length === 0 && <p className="muted">{t('designer.rules.noFields')}</p>}
      {condition && (
        <fieldset className="try-out" data-testid={`${idPrefix}-tryout`}>
          <legend>{t('designer.rules.tryOut')}</legend>
          {[...new Set(rule.clauses.map((c) => c.fact))].map((name) => {
            const field = fieldOf(name);
            return (
              <label key={name} className="inline">
                {field?.label ?? name}{' '}
                {field?.kind === 'yaTidak' ? (
                  <select value={sample[name] ?? ''} onChange={(e) => setSample({ ...sample, [name]: e.target.value })}>
                    <option value="">{t('designer.rules.empty')}</option>
                    <option value="true">{t('designer.forms.yes')}</option>
                    <option value="false">{t('designer.forms.no')}</option>
                  </select>
                ) : (
                  <input
                    data-testid={`${idPrefix}-sample-${name}`}
                    value={sample[name] ?? ''}
                    onChange={(e) => setSample({ ...sample, [name]: e.target.value })}
                  />
                )}
              </label>
            );
          })}
          {outcome && (
            <div className={outcome.passed ? 'alert ok' : 'alert info'} data-testid={`${idPrefix}-outcome`}>
              <strong>{outcome.passed ? t('designer.rules.passed') : t('designer.rules.failed')}</strong>
              <ul>
                {outcome.criteria.map((c, i) => (
                  <li key={i}>{c.explanation}</li>
                ))}
              </ul>
            </div>
          )}
        </fieldset>
      )}
    </div>
  );
}

function ValueInput({
  id,
  value,
  hint,
  onCommit,
}: {
  id: string;
  value: string;
  hint?: string | undefined;
  onCommit: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <input
      id={id}
      aria-label={t('designer.rules.value')}
      placeholder={hint}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text !== value && onCommit(text)}
      onKeyDown={(e) => e.key === 'Enter' && text !== value && onCommit(text)}
    />
  );
}
