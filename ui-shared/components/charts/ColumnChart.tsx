import { niceMax, ticks } from './chartScale.ts';

/** One period on the x axis with one value per series. */
export interface Column {
  label: string;
  values: number[];
}

const WIDTH = 720;
const HEIGHT = 230;
const LEFT = 40;
const TOP = 34;
const BOTTOM = 24;

/** Grouped columns over time (e.g. cases opened and closed per month), with a legend. */
export function ColumnChart({
  columns,
  series,
  ariaLabel,
}: {
  columns: Column[];
  series: string[];
  ariaLabel: string;
}) {
  const end = niceMax(Math.max(...columns.flatMap((c) => c.values), 0), true);
  const plotHeight = HEIGHT - BOTTOM - TOP;
  const slot = (WIDTH - LEFT - 10) / Math.max(columns.length, 1);
  const barWidth = Math.max(2, (slot * 0.8) / series.length);
  const y = (v: number): number => TOP + plotHeight - (v / end) * plotHeight;
  // Label every n-th period so the labels never overlap (about 7 px per character at this size).
  const longest = Math.max(...columns.map((c) => c.label.length), 1);
  const every = Math.max(1, Math.ceil((longest * 7 + 6) / slot));
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={ariaLabel}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      {ticks(end, true).map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={WIDTH - 10} y1={y(tick)} y2={y(tick)} className="chart-grid" />
          <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" className="chart-axis">
            {tick}
          </text>
        </g>
      ))}
      {columns.map((column, i) => (
        <g key={column.label}>
          <title>{`${column.label}: ${column.values.map((v, s) => `${series[s]} ${v}`).join(', ')}`}</title>
          {column.values.map((v, s) => (
            <rect
              key={series[s]}
              x={LEFT + i * slot + slot * 0.1 + s * barWidth}
              y={y(v)}
              width={barWidth}
              height={TOP + plotHeight - y(v)}
              className={`chart-series-${s}`}
            />
          ))}
          {i % every === 0 && (
            <text x={LEFT + i * slot + slot / 2} y={HEIGHT - BOTTOM + 16} textAnchor="middle" className="chart-axis">
              {column.label}
            </text>
          )}
        </g>
      ))}
      {series.map((name, s) => (
        <g key={name} transform={`translate(${LEFT + s * 160}, 16)`}>
          <rect width={12} height={12} y={-10} className={`chart-series-${s}`} />
          <text x={18} className="chart-label">
            {name}
          </text>
        </g>
      ))}
    </svg>
  );
}
