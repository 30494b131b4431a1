import { useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { diagramTarget } from './diagramTarget.ts';
import type { SopDefinition, Step } from '../../engine/definition/sopTypes.ts';
import { outputsText, requirementsText, timeText } from './sopRowText.ts';
import { COLUMNS, ROWS, endingLabel, layoutSwimlane, type ShapeBox } from './swimlaneLayout.ts';

/** How each step should be shown: done, current, or not reached (runtime); all neutral in the designer. */
export type StepMark = 'done' | 'current' | 'pending';

interface Props {
  definition: SopDefinition;
  marks?: Record<string, StepMark>;
  /** Accessible title of the figure. */
  title: string;
  /** In the designer: click a shape to edit its step, drag it to another row, draw a connector from its handle. */
  editing?: DiagramEditing;
}

/** What the designer does with a click, a drag and a drawn connector on the diagram. */
export interface DiagramEditing {
  onPick: (row: number) => void;
  onMove: (from: number, to: number) => void;
  /** A connector drawn from a step's handle to another step (its id) or an ending. */
  onConnect: (from: number, target: string) => void;
  /** Accessible label of a shape's button and connector handle. */
  shapeLabel: (row: number) => string;
  handleLabel: (row: number) => string;
}

type Drag = { kind: 'move' | 'connect'; from: number; x0: number; y0: number; x: number; y: number };

function Cell({
  x,
  y,
  width,
  height,
  children,
  bold,
}: {
  x: number;
  y: number;
  width: number;
  height: number;
  children: ReactNode;
  bold?: boolean;
}) {
  return (
    <foreignObject x={x + 3} y={y + 2} width={width - 6} height={height - 4}>
      <div className={bold ? 'swim-cell swim-cell-head' : 'swim-cell'}>{children}</div>
    </foreignObject>
  );
}

function Shape({ box, mark }: { box: ShapeBox; mark: StepMark | undefined }) {
  const className = `swim-shape swim-${mark ?? 'neutral'}`;
  if (box.kind === 'decision') {
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    return (
      <polygon
        className={className}
        points={`${cx},${box.y} ${box.x + box.width},${cy} ${cx},${box.y + box.height} ${box.x},${cy}`}
      />
    );
  }
  return (
    <rect
      className={className}
      x={box.x}
      y={box.y}
      width={box.width}
      height={box.height}
      rx={box.kind === 'terminator' ? box.height / 2 : 3}
    />
  );
}

/**
 * The SOP flowchart in the official layout of the seeds: one row per step, one column per actor lane,
 * activity boxes and decision diamonds with labelled arrows, and the Baku Mutu and Keterangan columns.
 */
export function SwimlaneDiagram({ definition, marks = {}, title, editing }: Props) {
  const layout = layoutSwimlane(definition);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag>();
  const rowOf = new Map(definition.steps.map((s, i) => [s.id, i]));
  const point = (e: ReactPointerEvent) => {
    const box = svg.current!.getBoundingClientRect();
    const scale = layout.width / box.width;
    return { x: (e.clientX - box.left) * scale, y: (e.clientY - box.top) * scale };
  };
  const start = (e: ReactPointerEvent, kind: Drag['kind'], from: number) => {
    if (!editing) return;
    e.stopPropagation();
    const p = point(e);
    setDrag({ kind, from, x0: p.x, y0: p.y, x: p.x, y: p.y });
  };
  const finish = (e: ReactPointerEvent) => {
    if (!drag || !editing) return;
    setDrag(undefined);
    const p = point(e);
    const target = diagramTarget(layout, definition.steps.length, p.x, p.y);
    const moved = Math.abs(p.x - drag.x0) + Math.abs(p.y - drag.y0) > 6;
    if (drag.kind === 'move') {
      if (!moved) editing.onPick(drag.from);
      else if (target && 'row' in target && target.row !== drag.from) editing.onMove(drag.from, target.row);
    } else if (target)
      editing.onConnect(drag.from, 'ending' in target ? target.ending : definition.steps[target.row]!.id);
  };
  const top = ROWS.header * 2;
  const { lanesX, metaX } = layout;
  const metaColumns: Array<[string, number, (s: Step) => string]> = [
    ['Kelengkapan', COLUMNS.requirements, requirementsText],
    ['Waktu', COLUMNS.time, timeText],
    ['Output', COLUMNS.output, outputsText],
    ['Keterangan', COLUMNS.notes, (s) => s.notes ?? ''],
  ];
  let mx = metaX;
  const metaX0 = metaColumns.map(([, w]) => {
    const x = mx;
    mx += w;
    return x;
  });
  return (
    <figure className="swimlane">
      <svg
        role="img"
        aria-label={title}
        ref={svg}
        className={editing ? 'swim-editable' : undefined}
        onPointerMove={(e) => drag && setDrag({ ...drag, ...point(e) })}
        onPointerUp={finish}
        onPointerLeave={() => setDrag(undefined)}
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className="swim-arrowhead" />
          </marker>
        </defs>
        <rect className="swim-head-bg" x={0} y={0} width={layout.width} height={top} />
        <Cell x={0} y={0} width={COLUMNS.no} height={top} bold>
          No
        </Cell>
        <Cell x={COLUMNS.no} y={0} width={COLUMNS.activity} height={top} bold>
          Uraian Kegiatan
        </Cell>
        <Cell x={lanesX} y={0} width={metaX - lanesX} height={ROWS.header} bold>
          Pelaksana
        </Cell>
        <Cell x={metaX} y={0} width={COLUMNS.requirements + COLUMNS.time + COLUMNS.output} height={ROWS.header} bold>
          Baku Mutu
        </Cell>
        {definition.actors.map((a, i) => (
          <Cell key={a.id} x={lanesX + i * COLUMNS.lane} y={ROWS.header} width={COLUMNS.lane} height={ROWS.header} bold>
            {a.name}
          </Cell>
        ))}
        {metaColumns.map(([label, w], i) => (
          <Cell
            key={label}
            x={metaX0[i]!}
            y={label === 'Keterangan' ? 0 : ROWS.header}
            width={w}
            height={label === 'Keterangan' ? top : ROWS.header}
            bold
          >
            {label}
          </Cell>
        ))}
        {definition.steps.map((step, i) => {
          const y = top + i * ROWS.step;
          return (
            <g key={step.id} className={marks[step.id] === 'current' ? 'swim-row swim-row-current' : 'swim-row'}>
              <rect className="swim-row-bg" x={0} y={y} width={layout.width} height={ROWS.step} />
              <Cell x={0} y={y} width={COLUMNS.no} height={ROWS.step}>
                {i + 1}
              </Cell>
              <Cell x={COLUMNS.no} y={y} width={COLUMNS.activity} height={ROWS.step}>
                {step.activity}
              </Cell>
              {metaColumns.map(([label, w, text], k) => (
                <Cell key={label} x={metaX0[k]!} y={y} width={w} height={ROWS.step}>
                  {text(step)}
                </Cell>
              ))}
            </g>
          );
        })}
        {[
          0,
          COLUMNS.no,
          lanesX,
          ...definition.actors.map((_, i) => lanesX + (i + 1) * COLUMNS.lane),
          ...metaX0.slice(1),
          layout.width,
        ].map((x, i) => (
          <line
            key={`v${i}`}
            className="swim-grid"
            x1={x}
            y1={0}
            x2={x}
            y2={top + definition.steps.length * ROWS.step}
          />
        ))}
        {definition.steps.map((step) => {
          const boxes = layout.shapes.filter((s) => s.stepId === step.id);
          if (boxes.length < 2) return null;
          const y = boxes[0]!.y + boxes[0]!.height / 2;
          if (step.actorMode === 'sequence') return <SequenceArrows key={`t-${step.id}`} step={step} boxes={boxes} />;
          return (
            <line
              key={`t-${step.id}`}
              className="swim-together"
              x1={boxes[0]!.x + boxes[0]!.width}
              y1={y}
              x2={boxes[boxes.length - 1]!.x}
              y2={y}
            />
          );
        })}
        {layout.frames.map((f, i) => (
          <g key={`f${i}`} className="swim-frame" data-testid="swim-frame">
            <rect x={f.x} y={f.y} width={f.width} height={f.height} rx={4} />
            <text x={f.x + 4} y={f.y + 10}>
              {f.label}
            </text>
          </g>
        ))}
        {layout.bars.map((b, i) => (
          <line key={`b${i}`} className="swim-bar" data-testid="swim-bar" x1={b.x1} y1={b.y} x2={b.x2} y2={b.y} />
        ))}
        {layout.connectors.map((c, i) => (
          <g key={`c${i}`}>
            <polyline
              className={c.back ? 'swim-connector swim-back' : 'swim-connector'}
              points={c.points.map((p) => p.join(',')).join(' ')}
              markerEnd="url(#arrow)"
            />
            {c.label !== undefined && (
              <text
                className="swim-label"
                x={c.points[0]![0] + 4}
                y={c.points[0]![1] + (c.points[0]![1] === c.points[1]![1] ? -4 : 12)}
              >
                {c.label}
              </text>
            )}
          </g>
        ))}
        {layout.shapes.map((box) => {
          const row = rowOf.get(box.stepId) ?? 0;
          if (!editing) return <Shape key={`${box.stepId}-${box.actorId}`} box={box} mark={marks[box.stepId]} />;
          return (
            <g key={`${box.stepId}-${box.actorId}`} data-row={row}>
              <g
                role="button"
                tabIndex={0}
                aria-label={editing.shapeLabel(row)}
                className="swim-pick"
                data-testid={`shape-${row}`}
                onPointerDown={(e) => start(e, 'move', row)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && editing.onPick(row)}
              >
                <Shape box={box} mark={marks[box.stepId]} />
              </g>
              <circle
                role="button"
                aria-label={editing.handleLabel(row)}
                className="swim-handle"
                data-testid={`handle-${row}`}
                cx={box.x + box.width / 2}
                cy={box.y + box.height + 5}
                r={5}
                onPointerDown={(e) => start(e, 'connect', row)}
              />
            </g>
          );
        })}
        {drag && Math.abs(drag.x - drag.x0) + Math.abs(drag.y - drag.y0) > 6 && (
          <line
            className={drag.kind === 'connect' ? 'swim-connector swim-drawing' : 'swim-drawing'}
            x1={drag.x0}
            y1={drag.y0}
            x2={drag.x}
            y2={drag.y}
            markerEnd={drag.kind === 'connect' ? 'url(#arrow)' : undefined}
          />
        )}
        {layout.endings.map((e) => (
          <g key={e.id}>
            <rect
              className={`swim-ending swim-ending-${e.id}`}
              x={e.x}
              y={e.y}
              width={e.width}
              height={e.height}
              rx={e.height / 2}
            />
            <text className="swim-ending-text" x={e.x + e.width / 2} y={e.y + e.height / 2 + 4} textAnchor="middle">
              {endingLabel(e.id)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** A `sequence` row: arrows from each lane's mark to the next one's, in the order the lanes work. */
function SequenceArrows({ step, boxes }: { step: { actors: string[] }; boxes: ShapeBox[] }) {
  const ordered = step.actors.flatMap((id) => boxes.filter((b) => b.actorId === id));
  return (
    <g className="swim-sequence">
      {ordered.slice(1).map((to, i) => {
        const from = ordered[i]!;
        const rightward = to.x > from.x;
        const y = from.y + from.height / 2;
        return (
          <line
            key={`${from.actorId}-${to.actorId}`}
            className="swim-connector"
            x1={rightward ? from.x + from.width : from.x}
            y1={y}
            x2={rightward ? to.x : to.x + to.width}
            y2={y}
            markerEnd="url(#arrow)"
          />
        );
      })}
    </g>
  );
}
