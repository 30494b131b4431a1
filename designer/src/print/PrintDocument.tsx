import type { RawRegency, SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { SopHeaderTable } from '../preview/SopHeaderTable.tsx';
import { blockSummary } from './blockNotes.ts';
import { PrintChart } from './PrintChart.tsx';
import { hasInferredMarks } from './printFlow.ts';
import { INFERRED_LEGEND, sourceNotice } from './sourceNotice.ts';

/**
 * The printed SOP: the cover (header table, with the source notice when the steps were not read from an
 * approved technical document) on its own page, then the paginated flowchart.
 */
export function PrintDocument({ definition, regency }: { definition: SopDefinition; regency: RawRegency }) {
  const notice = sourceNotice(definition);
  const blocks = blockSummary(definition);
  return (
    <div className="print-document" data-testid="print-document">
      <section className="print-cover">
        <SopHeaderTable definition={definition} regency={regency} />
        {notice && (
          <p className="print-notice" data-testid="source-notice">
            {notice}
          </p>
        )}
        {blocks.length > 0 && (
          <ul className="print-blocks" data-testid="print-blocks">
            {blocks.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        )}
        {hasInferredMarks(definition) && <p className="print-legend">{INFERRED_LEGEND}</p>}
      </section>
      <PrintChart key={definition.id + definition.steps.length} definition={definition} />
    </div>
  );
}
