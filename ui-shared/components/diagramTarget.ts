import { ROWS, type SwimlaneLayout } from './swimlaneLayout.ts';

/** What lies under a point of the diagram: an ending, a step's row, or nothing. */
export type DiagramTarget = { ending: string } | { row: number } | undefined;

/** Finds the ending or step row under (x, y) in diagram coordinates, for drag-to-reorder and drawn connectors. */
export function diagramTarget(layout: SwimlaneLayout, stepCount: number, x: number, y: number): DiagramTarget {
  const ending = layout.endings.find((e) => x >= e.x && x <= e.x + e.width && y >= e.y && y <= e.y + e.height);
  if (ending) return { ending: ending.id };
  const row = Math.floor((y - ROWS.header * 2) / ROWS.step);
  return row >= 0 && row < stepCount ? { row } : undefined;
}
