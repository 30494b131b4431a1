import type { FlowEdge } from './printFlow.ts';

/** Where a page's table put its rows and lane columns, measured in the page's own coordinates. */
export interface SheetGeometry {
  lanes: Array<{ x: number; width: number }>;
  /** Right edge of the lane columns: send-back loops run just inside it. */
  lanesRight: number;
  rows: Map<number, { y: number; height: number }>;
  topStrip?: { y: number; height: number };
  bottomStrip?: { y: number; height: number };
}

/** What one chart row draws: its step's lanes (steps) or the endings (the row after the last step). */
export interface RowContent {
  lanes: number[];
  kind: 'terminator' | 'activity' | 'decision';
  inferred: boolean;
  /** A row done by its lanes one after another (`sequence`): arrows in that order, the flow leaves from the last. */
  inOrder?: boolean;
  /** A fork (`parallel`): its branches leave together from a bar below the shape. */
  fork?: boolean;
  /** The row where parallel branches meet: their arrows end on a bar above the shape. */
  join?: boolean;
}

/** Rows done once per person (`forEach`), framed on the page with their mark. */
export interface BlockFrame {
  rows: number[];
  label: string;
}

/** The dashed frame of a per-person block on one page, with its mark at the top. */
export interface DrawnFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

/** A shape of the page: a step in one of its lanes, or an ending. */
export interface DrawnShape {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  kind: 'terminator' | 'activity' | 'decision';
  label?: string;
  inferred: boolean;
}

/** A flow line of the page, ending in an arrowhead. */
export interface DrawnLine {
  points: Array<[number, number]>;
  back: boolean;
  inferred: boolean;
  label?: string;
  /** A plain line joining the lanes of a step done together (no arrowhead). */
  together?: boolean;
  /** The thick bar of a fork or a join (no arrowhead). */
  bar?: boolean;
}

/** An off-page connector (PermenPANRB pentagon) with the letter that pairs it with its other half. */
export interface DrawnConnector {
  x: number;
  y: number;
  letter: string;
}

/** Everything drawn over one page's table. */
export interface SheetDrawing {
  shapes: DrawnShape[];
  lines: DrawnLine[];
  connectors: DrawnConnector[];
  frames: DrawnFrame[];
}

const PENTAGON = { width: 18, height: 16 };

function shapeSize(kind: RowContent['kind'], laneWidth: number): { width: number; height: number } {
  if (kind === 'decision') return { width: Math.min(44, laneWidth - 8), height: 30 };
  return { width: Math.min(72, laneWidth - 8), height: 24 };
}

/**
 * Lays out one page of the printed flowchart over its measured table: shapes centred in their lane cells,
 * arrows between rows of the page, and an off-page connector pair (same letter) for each arrow whose other
 * end is on another page: below the rows for an arrow going on, above them for a loop going back.
 */
export function drawSheet(
  geometry: SheetGeometry,
  contents: RowContent[],
  endings: Array<{ id: string; label: string; lane: number; inferred: boolean }>,
  edges: FlowEdge[],
  pageOf: (row: number) => number,
  page: number,
  letters: Map<FlowEdge, string>,
  blocks: BlockFrame[] = [],
): SheetDrawing {
  const shapes: DrawnShape[] = [];
  const anchor = new Map<string, DrawnShape>();
  const place = (row: number, lane: number, key: string, kind: RowContent['kind'], inferred: boolean) => {
    const cell = geometry.rows.get(row);
    const column = geometry.lanes[lane];
    if (!cell || !column) return undefined;
    const size = shapeSize(kind, column.width);
    const shape: DrawnShape = {
      key,
      x: column.x + (column.width - size.width) / 2,
      y: cell.y + (cell.height - size.height) / 2,
      ...size,
      kind,
      inferred,
    };
    shapes.push(shape);
    return shape;
  };
  const lines: DrawnLine[] = [];
  contents.forEach((content, row) => {
    const placed = content.lanes.flatMap((lane) => {
      const shape = place(row, lane, `${row}-${lane}`, content.kind, content.inferred);
      return shape ? [shape] : [];
    });
    if (placed[0]) anchor.set(`row:${row}`, placed[0]);
    if (content.inOrder && placed.length > 1) {
      anchor.set(`exit:${row}`, placed[placed.length - 1]!);
      placed.slice(1).forEach((to, i) => {
        const from = placed[i]!;
        const y = from.y + from.height / 2;
        const rightward = to.x > from.x;
        lines.push({
          points: [
            [rightward ? from.x + from.width : from.x, y],
            [rightward ? to.x : to.x + to.width, y],
          ],
          back: false,
          inferred: false,
        });
      });
    } else if (placed.length > 1) {
      const y = placed[0]!.y + placed[0]!.height / 2;
      const xs = placed.map((p) => p.x);
      const right = placed.find((p) => p.x === Math.min(...xs))!;
      lines.push({
        points: [
          [right.x + right.width, y],
          [Math.max(...xs), y],
        ],
        back: false,
        inferred: false,
        together: true,
      });
    }
  });
  const endingsRow = contents.length;
  endings.forEach((e) => {
    const shape = place(endingsRow, e.lane, `end-${e.id}`, 'terminator', e.inferred);
    if (shape) {
      shape.label = e.label;
      anchor.set(`end:${e.id}`, shape);
    }
  });
  const at = (edge: FlowEdge, end: 'from' | 'to') =>
    end === 'to' && edge.to === endingsRow
      ? anchor.get(`end:${edge.target}`)
      : ((end === 'from' ? anchor.get(`exit:${edge.from}`) : undefined) ?? anchor.get(`row:${edge[end]}`));

  // A fork's bar sits just below its shape; a join's just above, where the branches' arrows end.
  const forkBars = new Map<number, { y: number; xs: number[] }>();
  const joinBars = new Map<number, { y: number; x0: number; x1: number }>();
  contents.forEach((content, row) => {
    const shape = anchor.get(`row:${row}`);
    if (!shape) return;
    if (content.fork) forkBars.set(row, { y: shape.y + shape.height + 5, xs: [shape.x + shape.width / 2] });
    if (content.join) joinBars.set(row, { y: shape.y - 6, x0: shape.x - 4, x1: shape.x + shape.width + 4 });
  });
  const laneCentre = (row: number): number | undefined => {
    const column = geometry.lanes[contents[row]?.lanes[0] ?? -1];
    return column ? column.x + column.width / 2 : undefined;
  };

  const connectors: DrawnConnector[] = [];
  const stripUse = new Map<string, number>();
  // Pentagons sharing a strip and a spot move right so their letters stay readable.
  const pentagon = (strip: 'top' | 'bottom', x: number, letter: string): DrawnConnector | undefined => {
    const band = strip === 'top' ? geometry.topStrip : geometry.bottomStrip;
    if (!band) return undefined;
    const spot = `${strip}:${Math.round(x)}`;
    const n = stripUse.get(spot) ?? 0;
    stripUse.set(spot, n + 1);
    const c = { x: x + n * (PENTAGON.width + 4), y: band.y + (band.height - PENTAGON.height) / 2, letter };
    connectors.push(c);
    return c;
  };
  let loops = 0;
  const outgoing = new Map<number, number>();
  edges.forEach((edge) => {
    const k = outgoing.get(edge.from) ?? 0;
    if (edge.kind !== 'sendBack') outgoing.set(edge.from, k + 1);
    const onFrom = pageOf(edge.from) === page;
    const onTo = pageOf(edge.to) === page;
    if (!onFrom && !onTo) return;
    const forward = edge.to > edge.from;
    const source = onFrom ? at(edge, 'from') : undefined;
    const dest = onTo ? at(edge, 'to') : undefined;
    const base = { back: !forward || edge.kind === 'sendBack', inferred: edge.inferred };
    const withLabel = edge.label !== undefined ? { label: edge.label } : {};
    const startOf = (s: DrawnShape): [number, number] =>
      k === 0 || !forward ? [s.x + s.width / 2, s.y + s.height] : [s.x + s.width, s.y + s.height / 2];
    const bar = forkBars.get(edge.from);
    if (edge.kind === 'fork' && forward && (bar || !source)) {
      // Every branch leaves the fork's bar straight down in its own lane: they start together.
      const tx = dest ? dest.x + dest.width / 2 : laneCentre(edge.to);
      if (tx === undefined) return;
      bar?.xs.push(tx);
      const joinBar = joinBars.get(edge.to);
      const endY = dest ? (joinBar?.y ?? dest.y) : 0;
      if (bar && dest)
        lines.push({
          points: [
            [tx, bar.y],
            [tx, endY],
          ],
          ...base,
        });
      else if (bar) {
        const c = pentagon('bottom', tx, letters.get(edge) ?? '?');
        if (c)
          lines.push({
            points: [
              [tx, bar.y],
              [c.x, c.y],
            ],
            ...base,
          });
      } else if (dest) {
        const c = pentagon('top', tx, letters.get(edge) ?? '?');
        if (c)
          lines.push({
            points: [
              [c.x, c.y + PENTAGON.height],
              [c.x, dest.y],
            ],
            ...base,
          });
      }
      return;
    }
    if (forward) {
      if (source && dest) {
        const [sx, sy] = startOf(source);
        const tx = dest.x + dest.width / 2;
        const top = joinBars.get(edge.to)?.y ?? dest.y;
        const bend = top - 8 - (k > 0 ? 4 : 0);
        const points: Array<[number, number]> =
          k === 0
            ? [
                [sx, sy],
                [sx, bend],
                [tx, bend],
                [tx, top],
              ]
            : [
                [sx, sy],
                [sx + 8, sy],
                [sx + 8, bend],
                [tx, bend],
                [tx, top],
              ];
        lines.push({ points, ...base, ...withLabel });
      } else if (source) {
        const [sx, sy] = startOf(source);
        const c = pentagon('bottom', k === 0 ? sx : sx + 8, letters.get(edge) ?? '?');
        if (c)
          lines.push({
            points:
              k === 0
                ? [
                    [sx, sy],
                    [c.x, c.y],
                  ]
                : [
                    [sx, sy],
                    [c.x, sy],
                    [c.x, c.y],
                  ],
            ...base,
            ...withLabel,
          });
      } else if (dest) {
        const c = pentagon('top', dest.x + dest.width / 2, letters.get(edge) ?? '?');
        if (c)
          lines.push({
            points: [
              [c.x, c.y + PENTAGON.height],
              [c.x, joinBars.get(edge.to)?.y ?? dest.y],
            ],
            ...base,
          });
      }
      return;
    }
    // Loops back run up a channel just inside the right edge of the lanes, one channel per loop.
    loops += 1;
    const channel = geometry.lanesRight - 6 - loops * 7;
    if (source && dest) {
      const sy = source.y + source.height / 2;
      const ty = dest.y + dest.height / 2;
      lines.push({
        points: [
          [source.x + source.width, sy],
          [channel, sy],
          [channel, ty],
          [dest.x + dest.width, ty],
        ],
        ...base,
        ...withLabel,
      });
    } else if (source) {
      const sy = source.y + source.height / 2;
      const c = pentagon('top', channel, letters.get(edge) ?? '?');
      if (c)
        lines.push({
          points: [
            [source.x + source.width, sy],
            [c.x, sy],
            [c.x, c.y + PENTAGON.height],
          ],
          ...base,
          ...withLabel,
        });
    } else if (dest) {
      const ty = dest.y + dest.height / 2;
      const c = pentagon('bottom', channel, letters.get(edge) ?? '?');
      if (c)
        lines.push({
          points: [
            [c.x, c.y],
            [c.x, ty],
            [dest.x + dest.width, ty],
          ],
          ...base,
        });
    }
  });
  forkBars.forEach((b) => {
    const x0 = Math.min(...b.xs) - 6;
    const x1 = Math.max(...b.xs) + 6;
    lines.push({
      points: [
        [x0, b.y],
        [x1, b.y],
      ],
      back: false,
      inferred: false,
      bar: true,
    });
  });
  joinBars.forEach((b, row) => {
    const shape = anchor.get(`row:${row}`)!;
    const cx = shape.x + shape.width / 2;
    lines.push({
      points: [
        [b.x0, b.y],
        [b.x1, b.y],
      ],
      back: false,
      inferred: false,
      bar: true,
    });
    lines.push({
      points: [
        [cx, b.y],
        [cx, shape.y],
      ],
      back: false,
      inferred: false,
    });
  });
  return { shapes, lines, connectors, frames: frameBlocks(geometry, blocks) };
}

/** The dashed frame over the lane columns of each per-person block's rows on this page. */
function frameBlocks(geometry: SheetGeometry, blocks: BlockFrame[]): DrawnFrame[] {
  const left = geometry.lanes[0]?.x;
  if (left === undefined) return [];
  return blocks.flatMap((block) => {
    const cells = block.rows.flatMap((r) => (geometry.rows.has(r) ? [geometry.rows.get(r)!] : []));
    if (cells.length === 0) return [];
    const top = Math.min(...cells.map((c) => c.y));
    const bottom = Math.max(...cells.map((c) => c.y + c.height));
    return [
      { x: left + 2, y: top + 2, width: geometry.lanesRight - left - 4, height: bottom - top - 4, label: block.label },
    ];
  });
}

/** The pentagon's outline, pointing down, its top edge centred on (x, y). */
export function pentagonPoints(c: DrawnConnector): string {
  const h = PENTAGON.width / 2;
  const { x, y } = c;
  return `${x - h},${y} ${x + h},${y} ${x + h},${y + 10} ${x},${y + PENTAGON.height} ${x - h},${y + 10}`;
}
