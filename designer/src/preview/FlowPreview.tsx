import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RawRegency, SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { SwimlaneDiagram, type DiagramEditing } from '../../../ui-shared/components/SwimlaneDiagram.tsx';
import { editTable } from '../table/sopTableEdit.ts';
import { readTable } from '../table/sopTableRead.ts';
import { SopHeaderTable } from './SopHeaderTable.tsx';

interface Editing {
  source: string;
  onChange: (source: string) => void;
  onPickStep: (row: number) => void;
}

/**
 * The official SOP document: header table and the swimlane flowchart with Baku Mutu and Keterangan.
 * In the editor the flowchart edits too: click a shape, drag it to another row, draw a connector.
 */
export function FlowPreview({
  definition,
  regency,
  edit,
}: {
  definition: SopDefinition;
  regency: RawRegency;
  edit?: Editing;
}) {
  const { t } = useTranslation();
  // A connector drawn from a decision asks which answer it is; from other steps it is the next step.
  const [pending, setPending] = useState<{ row: number; target: string }>();
  const apply = (change: Parameters<typeof editTable>[1]) => edit && edit.onChange(editTable(edit.source, change));
  // While the text has problems the diagram is the last valid one: its rows are found in the current text
  // by step id, so an edit lands on the step the drafter sees, wherever the text has it now.
  const table = edit ? readTable(edit.source) : undefined;
  const rowNow = (row: number) => table?.rows.findIndex((r) => r.id === definition.steps[row]?.id) ?? -1;
  const editing: DiagramEditing | undefined = edit && {
    onPick: (row) => {
      if (rowNow(row) >= 0) edit.onPickStep(rowNow(row));
    },
    onMove: (from, to) => {
      if (rowNow(from) >= 0 && rowNow(to) >= 0) apply({ kind: 'moveStep', from: rowNow(from), to: rowNow(to) });
    },
    onConnect: (from, target) => {
      const row = rowNow(from);
      if (row < 0) return;
      if (table?.rows[row]?.decision) setPending({ row, target });
      else apply({ kind: 'setNext', index: row, target });
    },
    shapeLabel: (row) => t('designer.flow.shape', { n: row + 1 }),
    handleLabel: (row) => t('designer.flow.handle', { n: row + 1 }),
  };
  const decision = pending ? table?.rows[pending.row]?.decision : undefined;
  return (
    <div className="sop-document" data-testid="flow-preview">
      {edit && <p className="muted help no-print">{t('designer.flow.help')}</p>}
      {pending && decision && (
        <div className="alert info" role="dialog" aria-label={t('designer.flow.which')} data-testid="connect-choice">
          {t('designer.flow.which')}{' '}
          {(['yes', 'no'] as const).map((answer) => (
            <button
              key={answer}
              type="button"
              className="secondary small"
              onClick={() => {
                apply({ kind: 'setDecision', index: pending.row, decision: { ...decision, [answer]: pending.target } });
                setPending(undefined);
              }}
            >
              {t(`designer.table.${answer}`)}
            </button>
          ))}
          <button type="button" className="secondary small" onClick={() => setPending(undefined)}>
            {t('designer.table.cancel')}
          </button>
        </div>
      )}
      <SopHeaderTable definition={definition} regency={regency} blanks />
      <div className="scroll-x">
        <SwimlaneDiagram
          definition={definition}
          title={t('designer.preview.flowTitle', { name: definition.name })}
          {...(editing ? { editing } : {})}
        />
      </div>
    </div>
  );
}
