import { Fragment, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RawRegency } from '../../../engine/definition/sopTypes.ts';
import { FormBuilder } from '../forms/FormBuilder.tsx';
import { RuleBuilder } from '../rules/RuleBuilder.tsx';
import { BlockRow } from './BlockRow.tsx';
import { CellInput } from './CellInput.tsx';
import { DecisionRow } from './DecisionRow.tsx';
import { LaneAdder } from './LaneAdder.tsx';
import { OutputCell } from './OutputCell.tsx';
import { RequirementPicker } from './RequirementPicker.tsx';
import { editTable, type TableEdit } from './sopTableEdit.ts';
import { readTable } from './sopTableRead.ts';
import { timeReading } from './timeReading.ts';

interface Props {
  source: string;
  regency: RawRegency;
  onChange: (source: string) => void;
  /** Row to open (from a click on the flowchart). */
  focusRow?: number | undefined;
  /** Step id → short reasons an imported part still needs checking (highlighted in the row). */
  flags?: ReadonlyMap<string, string[]> | undefined;
  /** Called when the drafter picks a row's number (shows its source lines beside the table). */
  onSelectStep?: ((stepId: string) => void) | undefined;
}

const ENDINGS = ['selesai', 'ditolak', 'dirujuk'] as const;
// The leave choices that open a block under the row, beside "continues" and the endings.
const FORK = '@parallel';
const EACH = '@forEach';
type Panel = { kind: 'form' | 'rule'; row: number } | undefined;

/**
 * The SOP as its official table (PermenPANRB 35/2012): one row per step, one column per pelaksana,
 * then Kelengkapan, Waktu, Output and Keterangan. Every change is an edit of the YAML document.
 */
export function SopTable({ source, regency, onChange, focusRow, flags, onSelectStep }: Props) {
  const { t } = useTranslation();
  const table = useMemo(() => readTable(source), [source]);
  const [problem, setProblem] = useState<string>();
  const [deleting, setDeleting] = useState<number>();
  const [panel, setPanel] = useState<Panel>();
  useEffect(() => {
    // A shape clicked in the flowchart opens here: its row is scrolled into view and its text focused.
    if (focusRow === undefined) return;
    const row = document.querySelector<HTMLElement>(`[data-testid=row-${focusRow}]`);
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector<HTMLElement>('textarea')?.focus();
  }, [focusRow]);
  if (!table) return <div className="alert info">{t('designer.structured.unreadable')}</div>;
  // Several changes of one choice are applied in turn to the same text, then written once.
  const edit = (...changes: TableEdit[]) => {
    try {
      onChange(changes.reduce(editTable, source));
      setProblem(undefined);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  const documents = [...(regency.documentTypes ?? []), ...table.documents];
  const staffLane = table.lanes.find((l) => !l.external && l.role);
  const defaultRecorder = staffLane?.role ?? regency.roles.find((r) => (r.kind ?? 'staff') === 'staff')?.id ?? '';
  const targets = [
    ...table.rows.map((r, i) => ({ value: r.id, label: `${i + 1}. ${r.activity}` })),
    ...ENDINGS.map((e) => ({ value: e, label: t(`designer.table.ending.${e}`) })),
  ];
  const columns = 7 + table.lanes.length;
  /** Where row i goes after it: on, an ending, or one of the blocks (opened with defaults from the rows below). */
  const leave = (i: number, choice: string) => {
    const row = table.rows[i]!;
    const below = (k: number) => table.rows[i + k]?.id ?? '';
    if (choice === FORK)
      return edit({
        kind: 'setParallel',
        index: i,
        parallel: { branches: [below(1), below(2)].filter((b) => b !== ''), join: below(3) },
      });
    if (choice === EACH) {
      const list = table.lists[0];
      const label = list?.fields.find((f) => /nama/i.test(f.id))?.id ?? list?.fields[0]?.id;
      return edit({
        kind: 'setForEach',
        index: i,
        forEach: { list: list?.id ?? '', ...(label ? { label } : {}), start: below(1), join: below(3) || below(2) },
      });
    }
    const changes: TableEdit[] = [];
    if (row.parallel) changes.push({ kind: 'setParallel', index: i, parallel: null });
    if (row.forEach) changes.push({ kind: 'setForEach', index: i, forEach: null });
    if (choice !== '' || row.end !== undefined) changes.push({ kind: 'setEnd', index: i, end: choice || null });
    edit(...changes);
  };
  return (
    <div className="sop-table-wrap" data-testid="sop-table">
      <p className="muted help">{t('designer.table.help')}</p>
      {problem && <div className="alert error">{problem}</div>}
      <div className="scroll-x">
        <table className="sop-table">
          <thead>
            <tr>
              <th scope="col">{t('designer.table.number')}</th>
              <th scope="col">{t('designer.table.activity')}</th>
              {table.lanes.map((l) => (
                <th
                  scope="col"
                  key={l.id}
                  className="lane-head"
                  title={l.external ? t('designer.table.externalHelp') : undefined}
                >
                  {l.name}
                  {l.external && <small className="muted"> ({t('designer.table.external')})</small>}
                  {!table.rows.some((r) => r.lanes.includes(l.id)) && (
                    <button
                      type="button"
                      className="secondary small danger-text"
                      aria-label={t('designer.table.deleteLane', { lane: l.name })}
                      data-testid={`delete-lane-${l.id}`}
                      onClick={() => edit({ kind: 'deleteLane', lane: l.id })}
                    >
                      ✕
                    </button>
                  )}
                </th>
              ))}
              <th scope="col">{t('designer.table.requirements')}</th>
              <th scope="col">{t('designer.table.time')}</th>
              <th scope="col">{t('designer.table.output')}</th>
              <th scope="col">{t('designer.table.notes')}</th>
              <th scope="col">
                <span className="sr-only">{t('designer.table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => {
              const reading = timeReading(row.time);
              const block = row.parallel
                ? ({ kind: 'parallel', value: row.parallel } as const)
                : row.forEach
                  ? ({ kind: 'forEach', value: row.forEach } as const)
                  : undefined;
              return (
                <Fragment key={`${row.id}-${i}`}>
                  <tr
                    data-testid={`row-${i}`}
                    className={
                      [focusRow === i ? 'focused' : '', flags?.has(row.id) ? 'flagged' : ''].join(' ').trim() ||
                      undefined
                    }
                  >
                    <td data-label={t('designer.table.number')}>
                      {onSelectStep ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => onSelectStep(row.id)}
                          aria-label={t('designer.source.showLines', { n: i + 1 })}
                        >
                          {i + 1}
                        </button>
                      ) : (
                        i + 1
                      )}
                      {flags?.get(row.id)?.map((reason) => (
                        <div key={reason} className="flag-reason" data-testid={`flag-${row.id}`}>
                          {reason}
                        </div>
                      ))}
                    </td>
                    <td data-label={t('designer.table.activity')}>
                      <CellInput
                        multiline
                        value={row.activity}
                        label={t('designer.table.activityOf', { n: i + 1 })}
                        onCommit={(value) => edit({ kind: 'setText', index: i, field: 'activity', value })}
                      />
                    </td>
                    {table.lanes.map((l) => {
                      const marked = row.lanes.includes(l.id);
                      return (
                        <td key={l.id} data-label={l.name} className="lane-cell">
                          <button
                            type="button"
                            className={marked ? 'lane-mark on' : 'lane-mark'}
                            aria-pressed={marked}
                            aria-label={t('designer.table.laneMark', { lane: l.name, n: i + 1 })}
                            data-testid={`lane-${i}-${l.id}`}
                            onClick={() => edit({ kind: 'toggleLane', index: i, lane: l.id })}
                          >
                            {marked ? (row.decision ? '◆' : '■') : ''}
                          </button>
                        </td>
                      );
                    })}
                    <td data-label={t('designer.table.requirements')}>
                      <RequirementPicker
                        row={i}
                        selected={row.requirements}
                        documents={documents}
                        onToggle={(doc) => edit({ kind: 'toggleRequirement', index: i, doc })}
                        onAddNew={(label) => edit({ kind: 'addDocument', index: i, label })}
                      />
                    </td>
                    <td data-label={t('designer.table.time')}>
                      <CellInput
                        value={row.time}
                        label={t('designer.table.timeOf', { n: i + 1 })}
                        placeholder={t('designer.table.timeHint')}
                        describedBy={`time-reading-${i}`}
                        onCommit={(value) => edit({ kind: 'setText', index: i, field: 'time', value })}
                      />
                      <small
                        id={`time-reading-${i}`}
                        className={reading.ok ? 'muted' : 'error-detail'}
                        data-testid={`time-reading-${i}`}
                      >
                        {reading.text}
                      </small>
                    </td>
                    <td data-label={t('designer.table.output')}>
                      <OutputCell
                        row={i}
                        output={row.output}
                        templates={regency.letterTemplates ?? []}
                        onText={(output) => edit({ kind: 'setOutput', index: i, output })}
                        onLetter={(name, template) => edit({ kind: 'setLetter', index: i, name, template })}
                      />
                    </td>
                    <td data-label={t('designer.table.notes')}>
                      <CellInput
                        multiline
                        value={row.notes}
                        label={t('designer.table.notesOf', { n: i + 1 })}
                        onCommit={(value) => edit({ kind: 'setText', index: i, field: 'notes', value })}
                      />
                    </td>
                    <td className="row-actions" data-label={t('designer.table.actions')}>
                      <button
                        type="button"
                        className="secondary small"
                        disabled={i === 0}
                        aria-label={t('designer.structured.moveUp')}
                        onClick={() => edit({ kind: 'moveStep', from: i, to: i - 1 })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="secondary small"
                        disabled={i === table.rows.length - 1}
                        aria-label={t('designer.structured.moveDown')}
                        onClick={() => edit({ kind: 'moveStep', from: i, to: i + 1 })}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="secondary small"
                        data-testid={`form-${i}`}
                        aria-pressed={panel?.kind === 'form' && panel.row === i}
                        onClick={() =>
                          setPanel(panel?.kind === 'form' && panel.row === i ? undefined : { kind: 'form', row: i })
                        }
                      >
                        {row.hasForm ? t('designer.table.editForm') : t('designer.table.addForm')}
                      </button>
                      <label className="inline small">
                        <input
                          type="checkbox"
                          checked={row.decision !== undefined}
                          data-testid={`decision-${i}`}
                          onChange={(e) =>
                            edit({
                              kind: 'setDecision',
                              index: i,
                              decision: e.target.checked
                                ? { question: '', yes: table.rows[i + 1]?.id ?? 'selesai', no: 'ditolak' }
                                : null,
                            })
                          }
                        />{' '}
                        {t('designer.table.decision')}
                      </label>
                      {!row.decision && (
                        <select
                          aria-label={t('designer.table.endOf', { n: i + 1 })}
                          value={row.parallel ? FORK : row.forEach ? EACH : (row.end ?? '')}
                          data-testid={`end-${i}`}
                          onChange={(e) => leave(i, e.target.value)}
                        >
                          <option value="">{t('designer.table.continues')}</option>
                          {ENDINGS.map((e) => (
                            <option key={e} value={e}>
                              {t('designer.table.endsWith', { ending: t(`designer.table.ending.${e}`) })}
                            </option>
                          ))}
                          <option value={FORK}>{t('designer.blocks.leaveParallel')}</option>
                          <option value={EACH}>{t('designer.blocks.leaveForEach')}</option>
                        </select>
                      )}
                      <button
                        type="button"
                        className="secondary small danger-text"
                        disabled={table.rows.length <= 1}
                        data-testid={`delete-${i}`}
                        onClick={() => {
                          // Two clicks, the second on "Yakin hapus?": a stray click deletes nothing.
                          if (deleting !== i) return setDeleting(i);
                          setDeleting(undefined);
                          edit({ kind: 'deleteStep', index: i });
                        }}
                        onBlur={() => setDeleting(undefined)}
                      >
                        {deleting === i ? t('designer.table.deleteConfirm') : t('designer.table.delete')}
                      </button>
                    </td>
                  </tr>
                  {row.decision && (
                    <DecisionRow
                      row={i}
                      columns={columns}
                      decision={row.decision}
                      targets={targets.filter((x) => x.value !== row.id)}
                      ruleOpen={panel?.kind === 'rule' && panel.row === i}
                      onChange={(decision) => edit({ kind: 'setDecision', index: i, decision })}
                      onRule={() =>
                        setPanel(panel?.kind === 'rule' && panel.row === i ? undefined : { kind: 'rule', row: i })
                      }
                    />
                  )}
                  {block && (
                    <BlockRow
                      row={i}
                      columns={columns}
                      steps={targets.filter((x) => x.value !== row.id && table.rows.some((r) => r.id === x.value))}
                      lists={table.lists}
                      block={block}
                      onParallel={(parallel) => edit({ kind: 'setParallel', index: i, parallel })}
                      onForEach={(forEach) => edit({ kind: 'setForEach', index: i, forEach })}
                    />
                  )}
                  {panel?.row === i && (
                    <tr className="panel-row">
                      <td colSpan={columns}>
                        {panel.kind === 'form' ? (
                          <FormBuilder source={source} regency={regency} target={{ step: i }} onChange={onChange} />
                        ) : (
                          <RuleBuilder
                            source={source}
                            regency={regency}
                            condition={row.decision?.when}
                            onChange={(when) => edit({ kind: 'setDecisionRule', index: i, when })}
                          />
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="row table-foot">
        <button
          type="button"
          className="secondary"
          data-testid="add-step"
          onClick={() =>
            edit({ kind: 'addStep', after: table.rows.length - 1, activity: t('designer.structured.newActivity') })
          }
        >
          + {t('designer.table.addStep')}
        </button>
        <LaneAdder
          regency={regency}
          used={table.lanes.map((l) => l.role ?? '')}
          defaultRecorder={defaultRecorder}
          onAdd={(lane) => edit({ kind: 'addLane', lane })}
        />
      </div>
    </div>
  );
}
