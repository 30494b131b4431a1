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

const SECTION = /^>\s*((?:BAGIAN|BIDANG)\s.+)$/;
// OCR reads the letters B and O as 8 and 0.
const ITEM = /^([A-Z]|8|0)\.\s+(.+)$/;
const DIKTUM = /^KE\s?(?:TIGA|EMPAT|LIMA)\b/;

/** A decree listing SOP names by unit ("> BAGIAN SEKRETARIAT", "A. Penyiapan …"), items wrapped over lines. */
function readLetteredList(lines: readonly FlatLine[]): ParsedSop[] {
  const sops: ParsedSop[] = [];
  let unit: Located<string> | undefined;
  let current: { text: string; at: SourceSpot } | undefined;
  const flush = (): void => {
    if (current)
      sops.push(
        decreeSop({ value: current.text.replace(/\s+/g, ' ').trim(), at: current.at }, undefined, unit, undefined),
      );
    current = undefined;
  };
  let inList = false;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    const section = SECTION.exec(text);
    if (section?.[1] !== undefined) {
      flush();
      inList = true;
      unit = { value: section[1].replace(/\s+/g, ' ').replace(/SEKETARIAT/, 'SEKRETARIAT'), at: spotOf(line) };
      continue;
    }
    if (!inList) continue;
    if (DIKTUM.test(text)) {
      flush();
      inList = false;
      continue;
    }
    const item = ITEM.exec(text);
    if (item?.[2] !== undefined) {
      flush();
      current = { text: item[2], at: spotOf(line) };
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
