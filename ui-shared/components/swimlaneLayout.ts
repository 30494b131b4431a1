import type { SopDefinition, Step } from '../../engine/definition/sopTypes.ts';
import { forEachRows, parallelRows, perPersonText, stepTargets } from './flowBlocks.ts';

/** Column widths of the official SOP table (PermenPANRB 35/2012 layout). */
export const COLUMNS = {
  no: 36,
  activity: 250,
  lane: 104,
  requirements: 150,
  time: 86,
  output: 140,
  notes: 140,
} as const;
/** Header and row heights. */
export const ROWS = { header: 26, step: 76, endings: 60 } as const;

/** Where a step's shape sits in a lane. */
export interface ShapeBox {
  stepId: string;
  actorId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  kind: 'terminator' | 'activity' | 'decision';
}

/** An arrow between two shapes (or a shape and an ending), with its label. */
export interface Connector {
  points: Array<[number, number]>;
  label?: string;
  back: boolean;
}

/** Everything the diagram draws, computed once from the definition. */
export interface SwimlaneLayout {
  width: number;
  height: number;
  lanesX: number;
  laneCount: number;
  metaX: number;
  shapes: ShapeBox[];
  endings: Array<{ id: string; x: number; y: number; width: number; height: number }>;
  connectors: Connector[];
  /** The thick bars where a fork's branches start together and where they meet again. */
  bars: Array<{ x1: number; x2: number; y: number }>;
  /** Dashed frames over the rows done once per person, with their mark. */
  frames: Array<{ x: number; y: number; width: number; height: number; label: string }>;
}

const ENDING_LABELS: Record<string, string> = { selesai: 'Selesai', ditolak: 'Ditolak', dirujuk: 'Dirujuk' };

/** Label of an ending in the diagram. */
export function endingLabel(id: string): string {
  return ENDING_LABELS[id] ?? id;
}

function shapeKind(step: Step, index: number): ShapeBox['kind'] {
  if (step.decision) return 'decision';
  if (index === 0 || step.end !== undefined) return 'terminator';
  return 'activity';
}

function targetsOf(step: Step): Array<{ to: string; label?: string; kind: string }> {
  return stepTargets(step).map((t) => (t.kind === 'forEach' ? { ...t, label: 'per penerima' } : t));
}

/** Computes the swimlane drawing: one row per step, one column per actor lane, arrows for the flow. */
export function layoutSwimlane(definition: SopDefinition): SwimlaneLayout {
  const laneCount = definition.actors.length;
  const lanesX = COLUMNS.no + COLUMNS.activity;
  const metaX = lanesX + laneCount * COLUMNS.lane;
  const width = metaX + COLUMNS.requirements + COLUMNS.time + COLUMNS.output + COLUMNS.notes;
  const top = ROWS.header * 2;
  const laneIndex = new Map(definition.actors.map((a, i) => [a.id, i]));
  const shapes: ShapeBox[] = definition.steps.flatMap((step, i) =>
    step.actors.map((actorId) => {
      const kind = shapeKind(step, i);
      const w = kind === 'decision' ? 58 : 80;
      const h = kind === 'decision' ? 46 : 36;
      const cx = lanesX + (laneIndex.get(actorId) ?? 0) * COLUMNS.lane + COLUMNS.lane / 2;
      const cy = top + i * ROWS.step + ROWS.step / 2;
      return { stepId: step.id, actorId, x: cx - w / 2, y: cy - h / 2, width: w, height: h, kind };
    }),
  );
  const usedEndings = [
    ...new Set(
      definition.steps.flatMap((s) => targetsOf(s).map((t) => t.to)).filter((t) => ENDING_LABELS[t] !== undefined),
    ),
  ];
  const endingsY = top + definition.steps.length * ROWS.step + 12;
  const endings = usedEndings.map((id, k) => {
    const lane = Math.min(
      laneCount - 1,
      Math.round(((k + 1) * laneCount) / (usedEndings.length + 1)) - (laneCount > 1 ? 0 : 0),
    );
    return {
      id,
      x: lanesX + Math.max(0, lane) * COLUMNS.lane + (COLUMNS.lane - 84) / 2,
      y: endingsY,
      width: 84,
      height: 30,
    };
  });
  const first = (stepId: string): ShapeBox | undefined => shapes.find((s) => s.stepId === stepId);
  // A `sequence` row is left from its last lane (the flow goes on after everyone in order is done).
  const exit = (step: Step): ShapeBox | undefined =>
    step.actorMode === 'sequence'
      ? shapes.find((s) => s.stepId === step.id && s.actorId === step.actors[step.actors.length - 1])
      : first(step.id);
  const connectors: Connector[] = [];
  // A fork's branches leave a bar below its shape; the branches' arrows end on a bar above the join's shape.
  const forks = parallelRows(definition);
  const joinBars = new Map(
    forks.flatMap((f) => {
      const box = first(definition.steps[f.join]!.id);
      return box ? [[f.join, { x1: box.x - 6, x2: box.x + box.width + 6, y: box.y - 8 }] as const] : [];
    }),
  );
  const forkBars = new Map<number, { xs: number[]; y: number }>();
  let backOffset = 0;
  definition.steps.forEach((step, i) => {
    const source = exit(step);
    if (!source) return;
    targetsOf(step).forEach((target, k) => {
      if (target.kind === 'fork') {
        const dest = first(target.to);
        const to = definition.steps.findIndex((s) => s.id === target.to);
        if (!dest || to <= i) return;
        const bar = forkBars.get(i) ?? { xs: [source.x + source.width / 2], y: source.y + source.height + 7 };
        forkBars.set(i, bar);
        const tx = dest.x + dest.width / 2;
        bar.xs.push(tx);
        connectors.push({
          points: [
            [tx, bar.y],
            [tx, joinBars.get(to)?.y ?? dest.y],
          ],
          back: false,
        });
        return;
      }
      const label = target.label;
      const ending = endings.find((e) => e.id === target.to);
      const dest = ending ? { x: ending.x, y: ending.y, width: ending.width, height: ending.height } : first(target.to);
      if (!dest) return;
      const destIndex = ending ? definition.steps.length : definition.steps.findIndex((s) => s.id === target.to);
      const sx = source.x + source.width / 2;
      const tx = dest.x + dest.width / 2;
      if (destIndex > i) {
        // Forward: leave from the bottom (first branch) or the side (other branches), enter from the top.
        const startY = k === 0 ? source.y + source.height : source.y + source.height / 2;
        const startX = k === 0 ? sx : source.x + source.width;
        const entry = joinBars.get(destIndex)?.y ?? dest.y;
        const bendY = entry - 10 - (k > 0 ? 4 : 0);
        const points: Array<[number, number]> =
          k === 0
            ? [
                [startX, startY],
                [startX, bendY],
                [tx, bendY],
                [tx, entry],
              ]
            : [
                [startX, startY],
                [startX + 10, startY],
                [startX + 10, bendY],
                [tx, bendY],
                [tx, entry],
              ];
        connectors.push({ points, back: false, ...(label !== undefined ? { label } : {}) });
      } else {
        // Backward (loop): route around the right edge of the lanes.
        backOffset += 7;
        const laneRight = metaX - 6 - backOffset;
        const sy = source.y + source.height / 2;
        const ty = dest.y + dest.height / 2;
        connectors.push({
          points: [
            [source.x + source.width, sy],
            [laneRight, sy],
            [laneRight, ty],
            [dest.x + dest.width, ty],
          ],
          back: true,
          ...(label !== undefined ? { label } : {}),
        });
      }
    });
  });
  joinBars.forEach((bar, row) => {
    const box = first(definition.steps[row]!.id)!;
    const cx = box.x + box.width / 2;
    connectors.push({
      points: [
        [cx, bar.y],
        [cx, box.y],
      ],
      back: false,
    });
  });
  const bars = [
    ...[...forkBars.values()].map((b) => ({ x1: Math.min(...b.xs) - 6, x2: Math.max(...b.xs) + 6, y: b.y })),
    ...joinBars.values(),
  ];
  const frames = forEachRows(definition).flatMap((b) => {
    if (b.rows.length === 0) return [];
    const y = top + Math.min(...b.rows) * ROWS.step + 2;
    const height = (Math.max(...b.rows) - Math.min(...b.rows) + 1) * ROWS.step - 4;
    return [{ x: lanesX + 3, y, width: metaX - lanesX - 6, height, label: `↻ ${perPersonText(b)}` }];
  });
  const height = endingsY + (endings.length > 0 ? ROWS.endings : 12);
  return { width, height, lanesX, laneCount, metaX, shapes, endings, connectors, bars, frames };
}
