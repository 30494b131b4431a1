import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { forEachRows, parallelRows, perPersonText, rowNumbers } from '../../../ui-shared/components/flowBlocks.ts';

/**
 * What the printed Keterangan of each row says about the blocks it belongs to: a fork names the branches
 * that start together, a join what it waits for, and every row done per person carries that mark.
 */
export function blockNotes(definition: SopDefinition): Map<number, string[]> {
  const notes = new Map<number, string[]>();
  const add = (row: number, text: string) => notes.set(row, [...(notes.get(row) ?? []), text]);
  for (const fork of parallelRows(definition)) {
    add(fork.row, `Cabang paralel: langkah ${rowNumbers(fork.branches)} dimulai bersamaan`);
    add(fork.join, `Menunggu semua cabang dari langkah ${fork.row + 1}`);
  }
  for (const block of forEachRows(definition)) {
    add(block.row, `Langkah ${rowNumbers(block.rows)} dikerjakan untuk setiap orang dalam ${block.listTitle}`);
    block.rows.forEach((row) => add(row, perPersonText(block)));
  }
  return notes;
}

/** The sentences of the cover describing the SOP's forks and per-person blocks. */
export function blockSummary(definition: SopDefinition): string[] {
  return [
    ...parallelRows(definition).map(
      (f) =>
        `Langkah ${rowNumbers(f.branches)} dikerjakan bersamaan (paralel) setelah langkah ${f.row + 1}; langkah ${f.join + 1} menunggu semua cabang selesai.`,
    ),
    ...forEachRows(definition).map(
      (b) =>
        `Langkah ${rowNumbers(b.rows)} dikerjakan untuk setiap penerima: ${b.listTitle} (satu tugas per orang); langkah ${b.join + 1} menunggu semuanya selesai.`,
    ),
  ];
}
