import type { DocumentCell } from '../documentText.ts';
import { coverFieldOf, LIST_FIELDS, type CoverField } from './coverFields.ts';
import { spotOf, type FlatLine } from './flatLines.ts';
import { parseIndonesianDate } from './indonesianDate.ts';
import type { CoverReading, Located, SourceSpot } from './parsedSop.ts';
import { readApprover } from './readApprover.ts';

interface RawValue {
  text: string;
  at: SourceSpot;
}

/** Items of a list cell: one per line, without numbering or a closing ";"/"." . */
export function listItems(text: string): string[] {
  return text
    .split('\n')
    .map((item) =>
      item
        .replace(/^\s*(?:\d+[.)]|[a-z][.)]|[-•*])\s+/, '')
        .replace(/[;,]\s*(?:dan)?\s*$/, '')
        .trim(),
    )
    .filter((item) => item.length > 0 && item !== '-');
}

function keyCells(cells: readonly DocumentCell[]): Array<{ field: CoverField; cell: DocumentCell; index: number }> {
  return cells.flatMap((cell, index) => {
    const field = coverFieldOf(cell.text);
    return field !== undefined ? [{ field, cell, index }] : [];
  });
}

type KeyCell = { field: CoverField; cell: DocumentCell; index: number };

function nearestKey(keys: readonly KeyCell[], cell: DocumentCell, index: number): KeyCell | undefined {
  if (cell.x === undefined) return keys.find((k) => k.index === index);
  const x = cell.x;
  return [...keys].sort((a, b) => Math.abs((a.cell.x ?? 0) - x) - Math.abs((b.cell.x ?? 0) - x))[0];
}

const FIRST_ITEM = /^1[.)]\s/;

/**
 * Reads the cover table between `start` and `end`: "Label | value" rows; label rows ("Dasar Hukum | Kriteria
 * Sasaran") whose values follow on the next lines, matched to their label by column (index or position); and the
 * same table flattened to plain lines (labels one after another, then their lists, each starting again at "1.").
 */
export function readCover(lines: readonly FlatLine[], start: number, end: number): CoverReading {
  const values = new Map<CoverField, RawValue>();
  let pending: KeyCell[] = [];
  let queue: CoverField[] = [];
  let queueAt = 0;
  let previousWasKeys = false;
  const add = (field: CoverField, text: string, at: SourceSpot): void => {
    const before = values.get(field);
    values.set(field, before ? { text: `${before.text}\n${text}`, at: before.at } : { text, at });
  };
  for (let i = start; i < end; i += 1) {
    const line = lines[i];
    if (!line || line.text === '') continue;
    const keys = keyCells(line.cells);
    const nonEmpty = line.cells.filter((c) => c.text.trim() !== '');
    if (keys.length > 0 && keys.length === nonEmpty.length) {
      pending = keys;
      queue = previousWasKeys ? [...queue, ...keys.map((k) => k.field)] : keys.map((k) => k.field);
      if (!previousWasKeys) queueAt = 0;
      previousWasKeys = true;
      continue;
    }
    previousWasKeys = false;
    const first = keys[0];
    if (first && first.index <= 1) {
      // "Nomor SOP | P-164/…": the label and its value on one line (an office heading may sit left of it).
      const rest = line.cells.slice(first.index + 1);
      add(
        first.field,
        rest
          .map((c) => c.text)
          .filter((t) => t.trim() !== '')
          .join(' '),
        spotOf(line, rest),
      );
      pending = [];
      queue = [];
      continue;
    }
    if (nonEmpty.length > 1 || (nonEmpty.length === 1 && pending.length > 1 && line.tableRow)) {
      line.cells.forEach((cell, index) => {
        if (cell.text.trim() === '') return;
        const key = nearestKey(pending, cell, index);
        if (key) add(key.field, cell.text, spotOf(line, [cell]));
      });
      continue;
    }
    const field = queue[queueAt];
    if (field === undefined) continue;
    const text = line.text;
    // A list starting again at "1." belongs to the next label of a flattened two-column cover.
    if (FIRST_ITEM.test(text) && FIRST_ITEM.test(values.get(field)?.text ?? '') && queueAt + 1 < queue.length) {
      queueAt += 1;
    }
    add(queue[queueAt] ?? field, text, spotOf(line));
  }
  return coverFrom(values);
}

function coverFrom(values: Map<CoverField, RawValue>): CoverReading {
  const cover: CoverReading = {};
  for (const [field, raw] of values) {
    const text = raw.text.trim();
    if (LIST_FIELDS.has(field)) {
      const items = listItems(text);
      if (items.length > 0) (cover[field as 'legalBasis'] as Located<string[]>) = { value: items, at: raw.at };
      continue;
    }
    const oneLine = text.replace(/\s+/g, ' ').replace(/\.$/, '').trim();
    if (field === 'created' || field === 'revised' || field === 'effective') {
      const date = parseIndonesianDate(oneLine);
      if (date !== undefined) cover[field] = { value: date, at: raw.at, original: oneLine };
    } else if (field === 'approvedBy') {
      const result = readApprover(text);
      if (result)
        cover.approvedBy = result.corrected
          ? {
              value: result.approver,
              at: { ...raw.at, confidence: Math.min(raw.at.confidence ?? 1, 0.9) },
              original: oneLine,
            }
          : { value: result.approver, at: raw.at };
    } else if (oneLine !== '' && oneLine !== '-') {
      cover[field as 'number' | 'name'] = { value: oneLine, at: raw.at };
    }
  }
  return cover;
}
