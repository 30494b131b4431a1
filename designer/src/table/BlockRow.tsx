import { useTranslation } from 'react-i18next';
import type { ForEachBlock, ParallelBlock } from '../../../engine/definition/sopTypes.ts';
import type { TableList } from './sopTableRead.ts';

interface Props {
  row: number;
  columns: number;
  /** The other steps of the SOP, in table order. */
  steps: Array<{ value: string; label: string }>;
  lists: TableList[];
  block: { kind: 'parallel'; value: ParallelBlock } | { kind: 'forEach'; value: ForEachBlock };
  onParallel: (value: ParallelBlock) => void;
  onForEach: (value: ForEachBlock) => void;
}

function StepSelect({
  id,
  label,
  value,
  steps,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  steps: Props['steps'];
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const known = steps.some((s) => s.value === value);
  return (
    <label className="inline">
      {label}{' '}
      <select
        value={known ? value : ''}
        data-testid={id}
        aria-invalid={!known}
        onChange={(e) => onChange(e.target.value)}
      >
        {!known && <option value="">{t('designer.table.pick')}</option>}
        {steps.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Under a fork or a per-person row: the steps its branches start with and where they meet, or the case-data
 * list, the name shown on each person's tasks, the first step per person and the join step.
 */
export function BlockRow({ row, columns, steps, lists, block, onParallel, onForEach }: Props) {
  const { t } = useTranslation();
  if (block.kind === 'parallel') {
    const { branches, join } = block.value;
    return (
      <tr className="block-row" data-testid={`block-row-${row}`}>
        <td colSpan={columns}>
          <fieldset className="block-fields">
            <legend>
              <span aria-hidden="true">⇉ </span>
              {t('designer.blocks.parallelTitle', { n: row + 1 })}
            </legend>
            <p className="muted small">{t('designer.blocks.parallelHelp')}</p>
            <div className="block-branches" role="group" aria-label={t('designer.blocks.branches')}>
              <span>{t('designer.blocks.branches')}</span>
              {steps.map((s) => (
                <label key={s.value} className="inline">
                  <input
                    type="checkbox"
                    data-testid={`branch-${row}-${s.value}`}
                    checked={branches.includes(s.value)}
                    onChange={(e) =>
                      onParallel({
                        branches: e.target.checked
                          ? steps.map((x) => x.value).filter((v) => v === s.value || branches.includes(v))
                          : branches.filter((b) => b !== s.value),
                        join,
                      })
                    }
                  />{' '}
                  {s.label}
                </label>
              ))}
              {branches.length < 2 && (
                <small className="error-detail" role="alert">
                  {t('designer.blocks.fewBranches')}
                </small>
              )}
            </div>
            <StepSelect
              id={`join-${row}`}
              label={t('designer.blocks.join')}
              value={join}
              steps={steps.filter((s) => !branches.includes(s.value))}
              onChange={(value) => onParallel({ branches, join: value })}
            />
          </fieldset>
        </td>
      </tr>
    );
  }
  const value = block.value;
  const list = lists.find((l) => l.id === value.list);
  return (
    <tr className="block-row" data-testid={`block-row-${row}`}>
      <td colSpan={columns}>
        <fieldset className="block-fields">
          <legend>
            <span aria-hidden="true">↻ </span>
            {t('designer.blocks.forEachTitle', { n: row + 1 })}
          </legend>
          <p className="muted small">{t('designer.blocks.forEachHelp')}</p>
          {lists.length === 0 && <div className="alert info">{t('designer.blocks.noLists')}</div>}
          <div className="row">
            <label className="inline">
              {t('designer.blocks.list')}{' '}
              <select
                value={list ? value.list : ''}
                data-testid={`foreach-list-${row}`}
                aria-invalid={!list}
                onChange={(e) => {
                  const { label: _label, ...rest } = value;
                  onForEach({ ...rest, list: e.target.value });
                }}
              >
                {!list && <option value="">{t('designer.table.pick')}</option>}
                {lists.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.title}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline">
              {t('designer.blocks.label')}{' '}
              <select
                value={value.label ?? ''}
                data-testid={`foreach-label-${row}`}
                onChange={(e) => onForEach({ ...value, label: e.target.value })}
              >
                <option value="">{t('designer.blocks.noLabel')}</option>
                {(list?.fields ?? []).map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.title}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="row">
            <StepSelect
              id={`foreach-start-${row}`}
              label={t('designer.blocks.start')}
              value={value.start}
              steps={steps}
              onChange={(start) => onForEach({ ...value, start })}
            />
            <StepSelect
              id={`foreach-join-${row}`}
              label={t('designer.blocks.join')}
              value={value.join}
              steps={steps.filter((s) => s.value !== value.start)}
              onChange={(join) => onForEach({ ...value, join })}
            />
          </div>
        </fieldset>
      </td>
    </tr>
  );
}
