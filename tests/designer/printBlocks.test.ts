import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { normalizeSop } from '../../engine/definition/normalizeSop.ts';
import { resolveForms } from '../../engine/definition/resolveForms.ts';
import type { RawRegency, RawSop, SopDefinition } from '../../engine/definition/sopTypes.ts';
import { blockNotes, blockSummary } from '../../designer/src/print/blockNotes.ts';
import { connectorLetter } from '../../designer/src/print/paginate.ts';
import { flowEdges } from '../../designer/src/print/printFlow.ts';
import { drawSheet, type RowContent, type SheetGeometry } from '../../designer/src/print/sheetDrawing.ts';
import { forEachRows, parallelRows, perPersonText } from '../../ui-shared/components/flowBlocks.ts';
import { COLUMNS, ROWS, layoutSwimlane } from '../../ui-shared/components/swimlaneLayout.ts';
import { definitionsDir } from '../support/testServer.ts';

// The fixture with one fork (rows 3 and 4–5 after row 2, meeting at row 6) and one per-person block (rows
// 7–8 after row 6, meeting at row 9). Normalised directly so these layout checks do not wait on the validator.
const BLOCKS_FIXTURE = join(import.meta.dirname, '../fixtures/block-print/blok-paralel-penerima.yaml');
const regency = parse(readFileSync(join(definitionsDir, 'kutai-kartanegara/regency.yaml'), 'utf8')) as RawRegency;
const raw = parse(readFileSync(BLOCKS_FIXTURE, 'utf8')) as RawSop;
const definition: SopDefinition = normalizeSop(raw, regency, resolveForms(raw, regency));

const LANE = 80;
const lanes = definition.actors.map((_, i) => ({ x: 300 + i * LANE, width: LANE }));
const laneOf = (actor: string) => definition.actors.findIndex((a) => a.id === actor);
const centre = (actor: string) => lanes[laneOf(actor)]!.x + LANE / 2;
const forks = parallelRows(definition);
const contents: RowContent[] = definition.steps.map((s, i) => ({
  lanes: s.actors.map(laneOf),
  kind: 'activity',
  inferred: false,
  fork: forks.some((f) => f.row === i),
  join: forks.some((f) => f.join === i),
}));
const frames = forEachRows(definition).map((b) => ({ rows: b.rows, label: perPersonText(b) }));
const geometry = (rows: number[], top: boolean, bottom: boolean): SheetGeometry => ({
  lanes,
  lanesRight: 300 + lanes.length * LANE,
  rows: new Map(rows.map((r, k) => [r, { y: 80 + k * 60, height: 60 }])),
  ...(top ? { topStrip: { y: 54, height: 26 } } : {}),
  ...(bottom ? { bottomStrip: { y: 80 + rows.length * 60, height: 26 } } : {}),
});
const rowY = (k: number) => 80 + k * 60;

describe('the printed blocks: a fork with its branches and join, work per beneficiary', () => {
  it('finds the fork, its branch rows and join, and the rows done per person', () => {
    expect(forks).toEqual([{ row: 1, branches: [2, 3], rows: [2, 3, 4], join: 5 }]);
    expect(forEachRows(definition)).toEqual([
      { row: 5, list: 'penerima', listTitle: 'Daftar penerima', start: 6, rows: [6, 7], join: 8 },
    ]);
    // The fork leaves only by its branches and the per-person step only into its block, whatever `next` says.
    const edges = flowEdges(definition);
    expect(edges.filter((e) => e.from === 1).map((e) => `${e.kind}→${e.to}`)).toEqual(['fork→2', 'fork→3']);
    expect(edges.filter((e) => e.from === 5).map((e) => `${e.kind}→${e.to}`)).toEqual(['forEach→6']);
    expect(edges.filter((e) => e.to === 5).map((e) => e.from)).toEqual([2, 4]);
  });

  it('marks the Keterangan of the fork, the join and every row done per person, and sums them up for the cover', () => {
    const notes = blockNotes(definition);
    expect(notes.get(1)).toEqual(['Cabang paralel: langkah 3 dan 4 dimulai bersamaan']);
    expect(notes.get(5)).toEqual([
      'Menunggu semua cabang dari langkah 2',
      'Langkah 7 dan 8 dikerjakan untuk setiap orang dalam Daftar penerima',
    ]);
    for (const row of [6, 7]) expect(notes.get(row)).toEqual(['Dikerjakan untuk setiap penerima: Daftar penerima']);
    expect(notes.has(8)).toBe(false);
    expect(blockSummary(definition)).toEqual([
      'Langkah 3 dan 4 dikerjakan bersamaan (paralel) setelah langkah 2; langkah 6 menunggu semua cabang selesai.',
      'Langkah 7 dan 8 dikerjakan untuk setiap penerima: Daftar penerima (satu tugas per orang); langkah 9 menunggu semuanya selesai.',
    ]);
  });

  it('on one page the branches leave one bar together, end on the join bar, and the block is framed', () => {
    const all = definition.steps.map((_, i) => i);
    const sheet = drawSheet(
      geometry(all, false, false),
      contents,
      [],
      flowEdges(definition),
      () => 0,
      0,
      new Map(),
      frames,
    );
    const bars = sheet.lines.filter((l) => l.bar);
    expect(bars).toHaveLength(2);
    const [fork, join] = [...bars].sort((a, b) => a.points[0]![1] - b.points[0]![1]);
    // The fork bar lies below row 2's shape and spans the staff and TKSK lanes.
    expect(fork!.points[0]![1]).toBeGreaterThan(rowY(1) + 30);
    expect(fork!.points[0]![1]).toBeLessThan(rowY(2));
    expect(fork!.points[0]![0]).toBeLessThan(centre('staf'));
    expect(fork!.points[1]![0]).toBeGreaterThan(centre('tksk'));
    // Each branch starts on the bar, straight down in its own lane.
    const forkY = fork!.points[0]![1];
    const starts = sheet.lines.filter((l) => !l.bar && l.points[0]![1] === forkY).map((l) => l.points[0]![0]);
    expect(starts.sort()).toEqual([centre('staf'), centre('tksk')].sort());
    // The join bar is above row 6's shape; the arrows of both branches' last rows (3 and 5) end on it.
    const joinY = join!.points[0]![1];
    expect(joinY).toBeGreaterThan(rowY(5));
    const into = sheet.lines.filter((l) => !l.bar && l.points[l.points.length - 1]![1] === joinY);
    expect(into).toHaveLength(2);
    expect(sheet.frames).toEqual([
      { x: 302, y: rowY(6) + 2, width: lanes.length * LANE - 4, height: 2 * 60 - 4, label: frames[0]!.label },
    ]);
  });

  it('a page break inside a branch and inside the block: the fork bar ends in a pentagon, the frame is cut per page', () => {
    const pageOf = (row: number) => (row < 3 ? 0 : row < 7 ? 1 : 2);
    const edges = flowEdges(definition);
    const letters = new Map(
      edges.filter((e) => pageOf(e.from) !== pageOf(e.to)).map((e, i) => [e, connectorLetter(i)]),
    );
    const forkToTksk = edges.find((e) => e.kind === 'fork' && e.to === 3)!;
    const letter = letters.get(forkToTksk)!;
    expect(letter).toBeDefined();
    const first = drawSheet(geometry([0, 1, 2], false, true), contents, [], edges, pageOf, 0, letters, frames);
    const second = drawSheet(geometry([3, 4, 5, 6], true, true), contents, [], edges, pageOf, 1, letters, frames);
    const third = drawSheet(geometry([7, 8], true, false), contents, [], edges, pageOf, 2, letters, frames);
    // Page 1: the branch into row 4 leaves the fork bar down to a pentagon in the TKSK lane, below the rows.
    const down = first.connectors.find((c) => c.letter === letter)!;
    expect(down.x).toBe(centre('tksk'));
    expect(down.y).toBeGreaterThanOrEqual(rowY(3));
    const bar = first.lines.find((l) => l.bar)!;
    expect(first.lines.some((l) => l.points[0]![0] === down.x && l.points[0]![1] === bar.points[0]![1])).toBe(true);
    // Page 2: the same letter above row 4's shape, in the TKSK lane.
    const up = second.connectors.find((c) => c.letter === letter)!;
    expect(up.x).toBe(centre('tksk'));
    expect(up.y).toBeLessThan(80);
    // The per-person rows 7 (page 2) and 8 (page 3) are framed on each page they are on.
    expect(first.frames).toEqual([]);
    expect(second.frames.map((f) => [f.y, f.height])).toEqual([[rowY(3) + 2, 56]]);
    expect(third.frames.map((f) => [f.y, f.height])).toEqual([[rowY(0) + 2, 56]]);
  });
});

describe("the designer's flow diagram shows the fork, the join and the per-person block", () => {
  it('draws a fork bar the branches leave from, a join bar they end on, and frames rows 7–8', () => {
    const layout = layoutSwimlane(definition);
    expect(layout.bars).toHaveLength(2);
    const box = (id: string) => layout.shapes.find((s) => s.stepId === id)!;
    const [fork, join] = [...layout.bars].sort((a, b) => a.y - b.y);
    expect(fork!.y).toBeGreaterThan(box('registrasi').y + box('registrasi').height);
    expect(join!.y).toBeLessThan(box('rekap-data').y);
    // One arrow from the fork bar into each branch's first shape.
    const fromBar = layout.connectors.filter((c) => c.points[0]![1] === fork!.y);
    expect(fromBar.map((c) => c.points[1]![1]).sort()).toEqual([box('data-desa').y, box('data-puskesmas').y].sort());
    // Both branches' last steps end on the join bar, and one arrow goes from the bar into the join's shape.
    expect(layout.connectors.filter((c) => c.points[c.points.length - 1]![1] === join!.y)).toHaveLength(2);
    expect(layout.connectors.some((c) => c.points[0]![1] === join!.y && c.points[1]![1] === box('rekap-data').y)).toBe(
      true,
    );
    const top = ROWS.header * 2;
    expect(layout.frames).toEqual([
      {
        x: layout.lanesX + 3,
        y: top + 6 * ROWS.step + 2,
        width: layout.laneCount * COLUMNS.lane - 6,
        height: 2 * ROWS.step - 4,
        label: '↻ Dikerjakan untuk setiap penerima: Daftar penerima',
      },
    ]);
    // The per-person step leads into its block, labelled.
    expect(layout.connectors.find((c) => c.label === 'per penerima')?.points.at(-1)![1]).toBe(box('survei-rumah').y);
  });
});
