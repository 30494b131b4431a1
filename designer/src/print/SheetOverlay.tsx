import { pentagonPoints, type DrawnShape, type SheetDrawing } from './sheetDrawing.ts';
import { INFERRED_MARK } from './sourceNotice.ts';

function Shape({ s }: { s: DrawnShape }) {
  const cls = s.inferred ? 'print-shape print-inferred' : 'print-shape';
  if (s.kind === 'decision') {
    const cx = s.x + s.width / 2;
    const cy = s.y + s.height / 2;
    return (
      <polygon className={cls} points={`${cx},${s.y} ${s.x + s.width},${cy} ${cx},${s.y + s.height} ${s.x},${cy}`} />
    );
  }
  return (
    <rect
      className={cls}
      x={s.x}
      y={s.y}
      width={s.width}
      height={s.height}
      rx={s.kind === 'terminator' ? s.height / 2 : 2}
    />
  );
}

/** The shapes, arrows and off-page connectors of one printed chart page, drawn over its table. */
export function SheetOverlay({ drawing, width, height }: { drawing: SheetDrawing; width: number; height: number }) {
  return (
    <svg className="print-overlay" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden>
      <defs>
        <marker id="print-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M 0 0 L 10 5 L 0 10 z" />
        </marker>
      </defs>
      {drawing.frames.map((f, i) => (
        <g key={`f${i}`} className="print-frame">
          <rect x={f.x} y={f.y} width={f.width} height={f.height} />
          <text x={f.x + 3} y={f.y + 8}>
            {f.label}
          </text>
        </g>
      ))}
      {drawing.lines.map((l, i) => {
        const [x0, y0] = l.points[0]!;
        const horizontal = l.points[1]![1] === y0;
        const label = [l.label, l.inferred ? INFERRED_MARK : undefined].filter(Boolean).join(' ');
        return (
          <g key={i}>
            <polyline
              className={`print-line${l.back ? ' print-back' : ''}${l.inferred ? ' print-inferred' : ''}${l.bar ? ' print-bar' : ''}`}
              points={l.points.map((p) => p.join(',')).join(' ')}
              {...(l.together || l.bar ? {} : { markerEnd: 'url(#print-arrow)' })}
            />
            {label && (
              <text className="print-label" x={x0 + 3} y={y0 + (horizontal ? -3 : 10)}>
                {label}
              </text>
            )}
          </g>
        );
      })}
      {drawing.shapes.map((s) => (
        <g key={s.key}>
          <Shape s={s} />
          {s.label !== undefined && (
            <text className="print-shape-text" x={s.x + s.width / 2} y={s.y + s.height / 2 + 3.5} textAnchor="middle">
              {s.label}
              {s.inferred ? ` ${INFERRED_MARK}` : ''}
            </text>
          )}
          {s.label === undefined && s.inferred && (
            <text className="print-label" x={s.x + s.width + 1} y={s.y + 7}>
              {INFERRED_MARK}
            </text>
          )}
        </g>
      ))}
      {drawing.connectors.map((c, i) => (
        <g key={`c${i}`} className="print-offpage">
          <polygon points={pentagonPoints(c)} />
          <text x={c.x} y={c.y + 10} textAnchor="middle">
            {c.letter}
          </text>
        </g>
      ))}
    </svg>
  );
}
