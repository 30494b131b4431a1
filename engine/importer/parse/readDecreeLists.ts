import { labelKey, spotOf, type FlatLine } from './flatLines.ts';
import type { Located, ParsedSop, SourceSpot, StepRowReading } from './parsedSop.ts';
import { plainRow } from './plainRow.ts';

/** Steps composed from a scope sentence: one per listed part ("penerimaan laporan, triase sosial, … dan …"). */
export function scopeRows(scope: string, at: SourceSpot): StepRowReading[] {
  const parts = scope
    .replace(/\.$/, '')
    .split(/,\s*(?:dan\s+)?|\s+dan\s+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.map((part, index) => plainRow(index + 1, part.charAt(0).toUpperCase() + part.slice(1), at, ['step']));
}

function decreeSop(
  name: Located<string>,
  number: Located<string> | undefined,
  unit: Located<string> | undefined,
  scope: Located<string> | undefined,
): ParsedSop {
  const rows = scope ? scopeRows(scope.value, scope.at) : [];
  const cover = { name, ...(number ? { number } : {}), ...(unit ? { unitHeading: unit } : {}) };
  return {
    detail: scope ? 'name-and-scope' : 'name-only',
    at: name.at,
    cover,
    lanes: [],
    rows: rows.length > 0 ? rows : [plainRow(1, name.value, name.at, ['step'])],
    ...(scope ? { scope } : {}),
  };
}

/** A decree's table of SOPs ("No. | Nomor Dokumen | Nama SOP | Ruang Lingkup Pokok | Status"). */
function readDecreeTable(lines: readonly FlatLine[], unit: Located<string> | undefined): ParsedSop[] {
  const sops: ParsedSop[] = [];
  let columns: { name: number; number?: number; scope?: number } | undefined;
  for (const line of lines) {
    if (!line.tableRow) {
      if (line.text !== '') columns = undefined;
      continue;
    }
    const keys = line.cells.map((c) => labelKey(c.text));
    const name = keys.indexOf('namasop');
    if (name >= 0) {
      const number = keys.findIndex((k) => k.startsWith('nomordokumen') || k === 'nomorsop');
      const scope = keys.findIndex((k) => k.startsWith('ruanglingkup'));
      columns = { name, ...(number >= 0 ? { number } : {}), ...(scope >= 0 ? { scope } : {}) };
      continue;
    }
    if (!columns || !/^\d+\.?$/.test(line.cells[0]?.text.trim() ?? '')) continue;
    const cell = (index: number | undefined): Located<string> | undefined => {
      const c = index !== undefined ? line.cells[index] : undefined;
      return c && c.text.trim() !== ''
        ? { value: c.text.replace(/\s+/g, ' ').trim(), at: spotOf(line, [c]) }
        : undefined;
    };
    const sopName = cell(columns.name);
    if (sopName) sops.push(decreeSop(sopName, cell(columns.number), unit, cell(columns.scope)));
  }
  return sops;
}

// A unit heading of the list. Its marker is ">" in the text, but OCR reads it as "2", "2»" or "»", or drops it.
const SECTION = /^(?:[^\p{L}\s]{1,3}\s*)?((?:BAGIAN|BIDANG)\s+[A-Z][A-Z ]*[A-Z])$/u;
const ITEM = /^([A-Z0-9]|l|\||IL|Il)(\.)?\s+(\S.*)$/;
// Letters OCR reads as other characters; "IL" is an I whose dot became an L.
const LOOKALIKES: Readonly<Record<string, string>> = {
  '8': 'B',
  '0': 'O',
  '1': 'I',
  l: 'I',
  '|': 'I',
  IL: 'I',
  Il: 'I',
  '5': 'S',
  '6': 'G',
};
const DIKTUM = /^KE\s?(?:TIGA|EMPAT|LIMA)\b/;

/**
 * The letter and text of a list item ("A. Penyiapan …"), or undefined. A character OCR confuses with a letter
 * counts as that letter: "8." and "0." always (B and O), the others ("1", "l", "IL", with or without the dot)
 * only where the list expects that letter next, so a numbered line inside an item is not taken for an item.
 */
function listItem(text: string, expected: string): { letter: string; text: string } | undefined {
  const match = ITEM.exec(text);
  if (match?.[1] === undefined || match[3] === undefined) return undefined;
  const [token, dot, rest] = [match[1], match[2] !== undefined, match[3]];
  if (/^[A-Z]$/.test(token) && dot) return { letter: token, text: rest };
  const letter = LOOKALIKES[token];
  if (letter === undefined) return undefined;
  if (dot && (token === '8' || token === '0')) return { letter, text: rest };
  return letter === expected && /^\p{Lu}/u.test(rest) ? { letter, text: rest } : undefined;
}

const nextLetter = (letter: string): string => String.fromCharCode(letter.charCodeAt(0) + 1);

/** The unit a heading line names, when the list's first item ("A. …") follows it (page numbers aside). */
function sectionAt(lines: readonly FlatLine[], index: number): Located<string> | undefined {
  const line = lines[index]!;
  const section = SECTION.exec(line.text.trim());
  if (section?.[1] === undefined) return undefined;
  const next = lines.slice(index + 1).find((l) => l.text.trim() !== '' && !/^[\d\W]+$/.test(l.text.trim()));
  if (!next || listItem(next.text.trim(), 'A')?.letter !== 'A') return undefined;
  return { value: section[1].replace(/\s+/g, ' ').replace(/SEKETARIAT/, 'SEKRETARIAT'), at: spotOf(line) };
}

/** A decree listing SOP names by unit ("> BAGIAN SEKRETARIAT", "A. Penyiapan …"), items wrapped over lines. */
function readLetteredList(lines: readonly FlatLine[]): ParsedSop[] {
  const sops: ParsedSop[] = [];
  let unit: Located<string> | undefined;
  let current: { text: string; at: SourceSpot } | undefined;
  let expected = 'A';
  const flush = (): void => {
    if (current)
      sops.push(
        decreeSop({ value: current.text.replace(/\s+/g, ' ').trim(), at: current.at }, undefined, unit, undefined),
      );
    current = undefined;
  };
  let inList = false;
  for (const [index, line] of lines.entries()) {
    const text = line.text.trim();
    if (text === '') continue;
    const section = sectionAt(lines, index);
    if (section) {
      flush();
      inList = true;
      unit = section;
      expected = 'A';
      continue;
    }
    if (!inList) continue;
    if (DIKTUM.test(text)) {
      flush();
      inList = false;
      continue;
    }
    const item = listItem(text, expected);
    if (item) {
      flush();
      current = { text: item.text, at: spotOf(line) };
      expected = nextLetter(item.letter);
    } else if (current) current.text += ` ${text}`;
  }
  flush();
  return sops;
}

/** Every SOP a decree names, as a table with scope (Bengkayang) or as a lettered list of names (Bangkalan). */
export function readDecreeLists(lines: readonly FlatLine[]): ParsedSop[] {
  const heading = lines.find((l) => /\bBIDANG\s+[A-Z]/.test(l.text) && !l.tableRow);
  const unit = heading
    ? {
        value: heading.text
          .replace(/^.*?(?=BIDANG)/, '')
          .replace(/\*+/g, '')
          .trim(),
        at: spotOf(heading),
      }
    : undefined;
  return [...readDecreeTable(lines, unit), ...readLetteredList(lines)];
}
