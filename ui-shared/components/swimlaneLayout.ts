import type { SopDefinition, Step } from '../../engine/definition/sopTypes.ts';

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

function targetsOf(step: Step): Array<{ to: string; label?: string }> {
  if (step.end !== undefined) return [{ to: step.end }];
  if (step.decision) return step.decision.branches.map((b) => ({ to: b.goto, label: b.label }));
  return step.next !== undefined ? [{ to: step.next }] : [];
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
  let backOffset = 0;
  definition.steps.forEach((step, i) => {
    const source = exit(step);
    if (!source) return;
    targetsOf(step).forEach((target, k) => {
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
        const bendY = dest.y - 10 - (k > 0 ? 4 : 0);
        const points: Array<[number, number]> =
          k === 0
            ? [
                [startX, startY],
                [startX, bendY],
                [tx, bendY],
                [tx, dest.y],
              ]
            : [
                [startX, startY],
                [startX + 10, startY],
                [startX + 10, bendY],
                [tx, bendY],
                [tx, dest.y],
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
  const height = endingsY + (endings.length > 0 ? ROWS.endings : 12);
  return { width, height, lanesX, laneCount, metaX, shapes, endings, connectors };
}
