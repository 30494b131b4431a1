import type { SopDefinition, Step } from '../../../engine/definition/sopTypes.ts';
import { outputsText, requirementsText, timeText } from '../../../ui-shared/components/sopRowText.ts';
import { blockNotes } from './blockNotes.ts';
import { columnWidths } from './columnWidths.ts';
import { inferredParts } from './printFlow.ts';
import { INFERRED_MARK } from './sourceNotice.ts';

/** A cell's text with the dagger when the source does not print that part. */
function marked(text: string, inferred: boolean): string {
  return inferred ? `${text} ${INFERRED_MARK}`.trim() : text;
}

function StepRow({
  step,
  row,
  laneCount,
  compact,
  blockNote,
}: {
  step: Step;
  row: number;
  laneCount: number;
  compact: boolean;
  /** What the row's fork, join or per-person block adds to its Keterangan. */
  blockNote: string[];
}) {
  const parts = inferredParts(step);
  return (
    <tr data-row={row} className={compact ? 'print-step print-compact' : 'print-step'}>
      <td className="num">{marked(String(row + 1), parts.has('step'))}</td>
      <td data-cell="activity">{marked(step.activity, parts.has('activity'))}</td>
      {Array.from({ length: laneCount }, (_, i) => (
        <td key={i} className="lane" />
      ))}
      <td data-cell="requirements">{marked(requirementsText(step), parts.has('requirements'))}</td>
      <td data-cell="time">{marked(timeText(step), parts.has('time'))}</td>
      <td data-cell="output">{marked(outputsText(step), parts.has('output'))}</td>
      <td data-cell="notes">
        {marked(step.notes ?? '', parts.has('notes'))}
        {blockNote.map((note) => (
          <em key={note} className="print-block-note">
            {note}
          </em>
        ))}
      </td>
    </tr>
  );
}

/**
 * The step table of the printed SOP (PermenPANRB 35/2012): No, Uraian Kegiatan, one column per pelaksana,
 * Baku Mutu (Kelengkapan, Waktu, Output) and Keterangan. Text cells wrap and the row grows with them; the
 * lane cells stay empty for the shapes drawn over them. `rows` picks the rows of one page (the endings row
 * is number steps.length); strips above and below hold off-page connectors.
 */
export function ChartTable({
  definition,
  rows,
  topStrip,
  bottomStrip,
  compact,
}: {
  definition: SopDefinition;
  rows: number[];
  topStrip: boolean;
  bottomStrip: boolean;
  /** Rows set in smaller type because they would not fit a page otherwise. */
  compact: ReadonlySet<number>;
}) {
  const lanes = definition.actors.length;
  const w = columnWidths(lanes);
  const notes = blockNotes(definition);
  const all = 2 + lanes + 4;
  const strip = (place: string) => (
    <tr className={`print-strip print-strip-${place}`}>
      <td colSpan={all} />
    </tr>
  );
  return (
    <table className="print-chart" style={{ width: w.no + w.activity + lanes * w.lane + 416 }}>
      <colgroup>
        <col style={{ width: w.no }} />
        <col style={{ width: w.activity }} />
        {definition.actors.map((a) => (
          <col key={a.id} style={{ width: w.lane }} />
        ))}
        <col style={{ width: w.requirements }} />
        <col style={{ width: w.time }} />
        <col style={{ width: w.output }} />
        <col style={{ width: w.notes }} />
      </colgroup>
      <thead>
        <tr>
          <th rowSpan={2}>No</th>
          <th rowSpan={2}>Uraian Kegiatan</th>
          <th colSpan={lanes}>Pelaksana</th>
          <th colSpan={3}>Baku Mutu</th>
          <th rowSpan={2}>Keterangan</th>
        </tr>
        <tr>
          {definition.actors.map((a) => (
            <th key={a.id} data-lane={a.id} className="lane-head">
              {a.name}
            </th>
          ))}
          <th>Kelengkapan</th>
          <th>Waktu</th>
          <th>Output</th>
        </tr>
      </thead>
      <tbody>
        {topStrip && strip('top')}
        {rows.map((row) =>
          row < definition.steps.length ? (
            <StepRow
              key={row}
              step={definition.steps[row]!}
              row={row}
              laneCount={lanes}
              compact={compact.has(row)}
              blockNote={notes.get(row) ?? []}
            />
          ) : (
            <tr key="endings" data-row={row} className="print-endings">
              <td colSpan={2} />
              {Array.from({ length: lanes }, (_, i) => (
                <td key={i} className="lane" />
              ))}
              <td colSpan={4} />
            </tr>
          ),
        )}
        {bottomStrip && strip('bottom')}
      </tbody>
    </table>
  );
}
