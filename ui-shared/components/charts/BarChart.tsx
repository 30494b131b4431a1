import { niceMax, shorten, ticks } from './chartScale.ts';

/** One bar: a value, an optional lighter second value drawn behind it, and an optional target marker. */
export interface Bar {
  label: string;
  value: number;
  /** Drawn as a lighter bar behind the value (e.g. p90 behind the median). */
  behind?: number;
  /** A vertical marker (e.g. the Baku Mutu Waktu). */
  target?: number;
  /** Shown after the bar instead of the formatted value. */
  note?: string;
}

const ROW = 26;
const LABEL_WIDTH = 300;
const WIDTH = 760;
const VALUE_SPACE = 190;

/**
 * Horizontal bars: one row per item, labels on the left, value at the end. SVG drawn by React, so it
 * needs no script or style the Content-Security-Policy would block.
 */
export function BarChart({
  bars,
  format,
  ariaLabel,
  maxValue,
  integer = false,
}: {
  bars: Bar[];
  format: (value: number) => string;
  ariaLabel: string;
  maxValue?: number;
  integer?: boolean;
}) {
  const end =
    maxValue ?? niceMax(Math.max(...bars.flatMap((b) => [b.value, b.behind ?? 0, b.target ?? 0]), 0), integer);
  const plot = WIDTH - LABEL_WIDTH - VALUE_SPACE;
  const x = (v: number): number => LABEL_WIDTH + (Math.min(v, end) / end) * plot;
  const height = bars.length * ROW + 24;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={ariaLabel}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      {ticks(end, integer).map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={0} y2={bars.length * ROW} className="chart-grid" />
          <text x={x(tick)} y={bars.length * ROW + 16} className="chart-axis" textAnchor="middle">
            {format(tick)}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const y = i * ROW;
        return (
          <g key={`${bar.label}-${i}`}>
            <title>{`${bar.label}: ${bar.note ?? format(bar.value)}`}</title>
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} textAnchor="end" className="chart-label">
              {shorten(bar.label)}
            </text>
            {bar.behind !== undefined && (
              <rect
                x={LABEL_WIDTH}
                y={y + 5}
                width={Math.max(0, x(bar.behind) - LABEL_WIDTH)}
                height={ROW - 10}
                className="chart-bar-behind"
              />
            )}
            <rect
              x={LABEL_WIDTH}
              y={y + 8}
              width={Math.max(bar.value > 0 ? 2 : 0, x(bar.value) - LABEL_WIDTH)}
              height={ROW - 16}
              className="chart-bar"
            />
            {bar.target !== undefined && (
              <line x1={x(bar.target)} x2={x(bar.target)} y1={y + 2} y2={y + ROW - 2} className="chart-target" />
            )}
            <text x={x(Math.max(bar.value, bar.behind ?? 0)) + 6} y={y + ROW / 2 + 4} className="chart-value">
              {bar.note ?? format(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
