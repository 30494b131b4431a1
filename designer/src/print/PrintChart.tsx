import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { forEachRows, parallelRows, perPersonText } from '../../../ui-shared/components/flowBlocks.ts';
import { endingLabel } from '../../../ui-shared/components/swimlaneLayout.ts';
import { ChartTable } from './ChartTable.tsx';
import { SHEET_HEIGHT } from './columnWidths.ts';
import { connectorLetter, paginateRows } from './paginate.ts';
import { flowEdges, flowEndings, hasInferredMarks, inferredParts, type FlowEdge } from './printFlow.ts';
import { PrintSheet } from './PrintSheet.tsx';
import { drawSheet, type RowContent, type SheetGeometry } from './sheetDrawing.ts';
import { INFERRED_LEGEND, sourceNotice } from './sourceNotice.ts';

const STRIP = 26;

function ChartTitle({ name }: { name: string }) {
  return (
    <h2 className="print-chart-title">
      STANDAR OPERASIONAL PROSEDUR
      <br />
      {name.toUpperCase()}
    </h2>
  );
}

function Footer({ definition, page, pages }: { definition: SopDefinition; page: number; pages: number }) {
  const notice = sourceNotice(definition);
  return (
    <footer className="print-footer">
      <span>
        {definition.number ? `${definition.number} · ` : ''}
        {definition.name} · Bagan halaman {page} dari {pages}
      </span>
      {notice && <strong className="print-notice">{notice}</strong>}
      {hasInferredMarks(definition) && <span>{INFERRED_LEGEND}</span>}
    </footer>
  );
}

/**
 * The printed flowchart of an SOP cut into A4 landscape pages: first every row is laid out once to learn
 * its height (text wraps, rows grow), then the rows are dealt onto pages between rows, each page with the
 * table header again, and arrows that cross a page break end in a lettered off-page connector.
 */
export function PrintChart({ definition }: { definition: SopDefinition }) {
  const probe = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number[][]>();
  // Rows too tall for any page are set in a smaller type and measured again, so that they fit whole.
  const [compact, setCompact] = useState<ReadonlySet<number>>(() => new Set());
  const rowCount = definition.steps.length + 1;
  useLayoutEffect(() => {
    const el = probe.current;
    if (!el) return;
    const height = (selector: string) => el.querySelector(selector)?.getBoundingClientRect().height ?? 0;
    const rows = Array.from({ length: rowCount }, (_, i) => height(`tr[data-row="${i}"]`));
    const metrics = {
      page: SHEET_HEIGHT,
      header: height('thead'),
      title: height('.print-chart-title'),
      footer: height('.print-footer'),
      strip: STRIP,
      rows,
    };
    const room = metrics.page - metrics.header - metrics.footer - 2 * STRIP - metrics.title;
    const tooTall = rows.flatMap((h, i) => (h > room && !compact.has(i) ? [i] : []));
    if (tooTall.length > 0) setCompact(new Set([...compact, ...tooTall]));
    else setPages(paginateRows(metrics));
  }, [rowCount, compact]);

  const edges = useMemo(() => flowEdges(definition), [definition]);
  const layout = useMemo(() => {
    const laneOf = new Map(definition.actors.map((a, i) => [a.id, i]));
    const forks = parallelRows(definition);
    const joins = new Set(forks.map((f) => f.join));
    const contents: RowContent[] = definition.steps.map((step, i) => {
      const parts = inferredParts(step);
      return {
        lanes: step.actors.map((id) => laneOf.get(id) ?? 0),
        inOrder: step.actorMode === 'sequence',
        fork: forks.some((f) => f.row === i),
        join: joins.has(i),
        kind: step.decision ? 'decision' : i === 0 || step.end !== undefined ? 'terminator' : 'activity',
        inferred: parts.has('actor') || parts.has('decision') || parts.has('step'),
      };
    });
    // Each ending sits in the lane of the last step that leads to it, moved aside if another ending is there.
    const taken = new Set<number>();
    const endings = flowEndings(edges).map((e) => {
      let lane = contents[e.fromRow]?.lanes[0] ?? 0;
      while (taken.has(lane) && taken.size < definition.actors.length) lane = (lane + 1) % definition.actors.length;
      taken.add(lane);
      return { id: e.id, label: endingLabel(e.id), lane, inferred: e.inferred };
    });
    const blocks = forEachRows(definition).map((b) => ({ rows: b.rows, label: `↻ ${perPersonText(b)}` }));
    return { contents, endings, blocks };
  }, [definition, edges]);

  const pageOf = useMemo(() => {
    const map = new Map<number, number>();
    pages?.forEach((rows, p) => rows.forEach((r) => map.set(r, p)));
    return (row: number) => map.get(row) ?? 0;
  }, [pages]);
  const letters = useMemo(() => {
    const map = new Map<FlowEdge, string>();
    edges.filter((e) => pageOf(e.from) !== pageOf(e.to)).forEach((e, i) => map.set(e, connectorLetter(i)));
    return map;
  }, [edges, pageOf]);
  const drawers = useMemo(
    () =>
      (pages ?? []).map(
        (_, p) => (geometry: SheetGeometry) =>
          drawSheet(geometry, layout.contents, layout.endings, edges, pageOf, p, letters, layout.blocks),
      ),
    [pages, layout, edges, pageOf, letters],
  );
  const noDraw = useCallback(() => ({ shapes: [], lines: [], connectors: [], frames: [] }), []);

  if (!pages)
    return (
      <div className="print-probe" ref={probe}>
        <section className="print-sheet">
          <ChartTitle name={definition.name} />
          <ChartTable
            definition={definition}
            rows={Array.from({ length: rowCount }, (_, i) => i)}
            topStrip
            bottomStrip
            compact={compact}
          />
          <Footer definition={definition} page={1} pages={1} />
        </section>
      </div>
    );
  return (
    <div className="print-chart-pages" data-testid="print-chart" data-pages={pages.length}>
      {pages.map((rows, p) => (
        <PrintSheet
          key={p}
          definition={definition}
          rows={rows}
          first={p === 0}
          last={p === pages.length - 1}
          draw={drawers[p] ?? noDraw}
          compact={compact}
          {...(p === 0 ? { title: <ChartTitle name={definition.name} /> } : {})}
          footer={<Footer definition={definition} page={p + 1} pages={pages.length} />}
        />
      ))}
    </div>
  );
}
