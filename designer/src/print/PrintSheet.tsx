import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { ChartTable } from './ChartTable.tsx';
import { SheetOverlay } from './SheetOverlay.tsx';
import type { SheetDrawing, SheetGeometry } from './sheetDrawing.ts';

/** Reads where the browser put the page's rows, lane columns and connector strips. */
function measure(box: HTMLElement): SheetGeometry {
  const origin = box.getBoundingClientRect();
  const rect = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  };
  const lanes = Array.from(box.querySelectorAll('th[data-lane]'), rect);
  const rows = new Map(
    Array.from(box.querySelectorAll<HTMLElement>('tr[data-row]'), (tr) => [Number(tr.dataset.row), rect(tr)] as const),
  );
  const top = box.querySelector('tr.print-strip-top');
  const bottom = box.querySelector('tr.print-strip-bottom');
  const last = lanes[lanes.length - 1];
  return {
    lanes,
    lanesRight: last ? last.x + last.width : 0,
    rows,
    ...(top ? { topStrip: rect(top) } : {}),
    ...(bottom ? { bottomStrip: rect(bottom) } : {}),
  };
}

/**
 * One printed page of the flowchart: the repeated table header, whole rows only, and the shapes and arrows
 * drawn over the table once the browser has laid it out (row heights follow the wrapped text).
 */
export function PrintSheet({
  definition,
  rows,
  first,
  last,
  draw,
  title,
  footer,
  compact,
}: {
  definition: SopDefinition;
  rows: number[];
  first: boolean;
  last: boolean;
  draw: (geometry: SheetGeometry) => SheetDrawing;
  title?: ReactNode;
  footer: ReactNode;
  compact: ReadonlySet<number>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<{ drawing: SheetDrawing; width: number; height: number }>();
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setDrawn({ drawing: draw(measure(el)), width: el.offsetWidth, height: el.offsetHeight });
  }, [draw]);
  return (
    <section className="print-sheet" data-testid="print-sheet">
      {title}
      <div className="print-chart-box" ref={box}>
        <ChartTable definition={definition} rows={rows} topStrip={!first} bottomStrip={!last} compact={compact} />
        {drawn && <SheetOverlay {...drawn} />}
      </div>
      {footer}
    </section>
  );
}
