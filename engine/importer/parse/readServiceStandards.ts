import { splitNumberedRun } from '../readers/cleanCellText.ts';
import { plainRow } from './plainRow.ts';
import { letteredItems } from './letteredItems.ts';
import { listItems } from './readCover.ts';
import { requirementItems } from './requirementItems.ts';
import { labelKey, spotOf, type FlatLine } from './flatLines.ts';
import type { Located, ParsedSop, ServiceStandardReading, SourceSpot, StepRowReading } from './parsedSop.ts';

type Component = keyof ServiceStandardReading;

/** PermenPANRB 15/2014 component labels (lower-case letters), first match wins. */
const COMPONENTS: ReadonlyArray<readonly [string, Component]> = [
  ['sistemmekanisme', 'procedure'],
  ['prosedur', 'procedure'],
  ['persyaratan', 'requirements'],
  ['jangkawaktu', 'duration'],
  ['biaya', 'fee'],
  ['produk', 'product'],
  ['penangananpengaduan', 'complaints'],
  ['dasarhukum', 'legalBasis'],
  ['sarana', 'equipment'],
  ['kompetensi', 'competence'],
];

const LIST_COMPONENTS = new Set<Component>(['requirements', 'procedure', 'complaints', 'legalBasis', 'competence']);

function componentOf(label: string): Component | undefined {
  const key = labelKey(label);
  return COMPONENTS.find(([part]) => key.includes(part))?.[1];
}

const HEADING = /^(?:[-*#\s]*)(?:\d+\.\s*)?(?:PELAYANAN DI\s+)?((?:BIDANG|BAGIAN)\s.+?)\**$/;
// "c. Penerbitan …" as printed; a scan's misreadings of the letter are SERVICE_NAME_OCR's, for OCR text only.
const SERVICE_NAME = /^[-*#\s]*(?:[a-z]\.\s+)(.+?)[*;\s]*$/;

/** "2. Menyerahkan berkas: a. jika …" or "3. Mengecek data; a. jika …" → the step, then its lettered sub-items. */
function splitSubItems(line: string): string[] {
  const text = line.trim();
  const sub = /^\d+[.)]\s/.test(text) ? /:\s*[a-z]\.\s|;\s*a\.\s/.exec(text) : null;
  if (!sub) return [line];
  const cut = sub.index + 1;
  return [text.slice(0, cut), text.slice(cut).trim()];
}
// The same line as OCR reads it: the letter doubled or misread ("Cc.", "hb.", "9-" for g), its dot a comma or dash.
const SERVICE_NAME_OCR = /^[-*#\s]*(?:[a-zA-Z]{1,2}|9)[.,-]\s*(\p{Lu}.+?)[*;\s]*$/u;

/** Steps from the Prosedur items: each numbered item a step, its lettered sub-items kept in the step's notes. */
export function procedureRows(items: readonly string[], raw: string, at: SourceSpot): StepRowReading[] {
  const rows: StepRowReading[] = [];
  // "1. A; 2. B: a. …; 3. C" printed on one line is the same list as one item per line.
  const lines = raw
    .split('\n')
    .flatMap((line) =>
      /^1\.\s/.test(line.trim()) && /\s2\.\s/.test(line)
        ? splitNumberedRun(line).map((item, i) => `${i + 1}. ${item}`)
        : [line],
    )
    .flatMap(splitSubItems);
  for (const line of lines) {
    const numbered = /^(\d+)([.),])\s+(.+)$/.exec(line.trim());
    const previous = rows[rows.length - 1];
    // OCR reads "1." also as "1,": taken as a step only when it is the number that comes next.
    const step = numbered && (numbered[2] !== ',' || Number(numbered[1]) === rows.length + 1) ? numbered[3] : undefined;
    if (step !== undefined) {
      rows.push(plainRow(rows.length + 1, step.replace(/[;:,]\s*$/, '').trim(), at));
    } else if (previous && line.trim() !== '') previous.notes = `${previous.notes} ${line.trim()}`.trim();
  }
  if (rows.length > 0) return rows;
  // A Prosedur lettered instead of numbered: each top-level letter a step, a list nested in it the step's notes.
  const lettered = letteredItems(raw);
  if (lettered.length > 1)
    return lettered.map((item, index) => {
      const [activity, notes] = splitNested(item.replace(/^[a-z]\.\s+/, ''));
      const row = plainRow(index + 1, activity, at);
      if (notes !== '') row.notes = notes;
      return row;
    });
  return items.map((item, index) => plainRow(index + 1, item, at));
}

/** "Pengaduan melalui: a. Online …; b. Offline …" → the activity before the colon, the nested items after it. */
function splitNested(item: string): [string, string] {
  const nested = /^([^:]+):\s*([a-z]\.\s.+)$/.exec(item);
  const activity = (nested?.[1] ?? item).replace(/[;:,]\s*$/, '').trim();
  return [activity, nested?.[2]?.trim() ?? ''];
}

interface ServiceReading {
  name: Located<string>;
  unit?: Located<string>;
  parts: ServiceStandardReading;
  raw: Partial<Record<Component, string>>;
}

/** A table row with empty NO. and KOMPONEN cells and text in URAIAN ("--" rule rows excluded). */
function isContinuation(line: FlatLine): boolean {
  const empty = (index: number): boolean => (line.cells[index]?.text ?? '').trim() === '';
  const value = line.cells[2]?.text.trim() ?? '';
  return empty(0) && empty(1) && value !== '' && !/^[-–—\s]+$/.test(value);
}

/** Keeps a component's cell text and what is read from it (list components as their items). */
function setPart(service: ServiceReading, component: Component, text: string, at: SourceSpot): void {
  service.raw[component] = text;
  const parts = service.parts as Record<Component, Located<string> | Located<string[]>>;
  parts[component] = LIST_COMPONENTS.has(component)
    ? { value: component === 'requirements' ? requirementItems(text) : listItems(text), at }
    : { value: text.replace(/\s+/g, ' ').trim(), at };
}

/**
 * Every service standard of a PermenPANRB 15/2014 document: a "KOMPONEN | URAIAN" table holding Persyaratan
 * starts a service (named by the line above it), a following table without it (Manufacturing) adds to it.
 */
export function readServiceStandards(lines: readonly FlatLine[]): ParsedSop[] {
  const services: ServiceReading[] = [];
  let unit: Located<string> | undefined;
  let lastName: Located<string> | undefined;
  // The component whose row was read last, while the rows below may still continue its cell.
  let continued: Component | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    if (!line.tableRow) {
      continued = undefined;
      const heading = HEADING.exec(text.replace(/\*\*/g, ''));
      if (heading?.[1] !== undefined && text.length < 120) {
        unit = { value: heading[1].trim(), at: spotOf(line) };
        continue;
      }
      const plain = text.replace(/\*\*/g, '');
      const read = line.cells.some((c) => c.confidence !== undefined);
      const name = SERVICE_NAME.exec(plain) ?? (read ? SERVICE_NAME_OCR.exec(plain) : null);
      if (name?.[1] !== undefined && !/service delivery|manufacturing/i.test(text))
        lastName = { value: name[1].trim(), at: spotOf(line) };
      continue;
    }
    const value = line.cells[2];
    const service = services[services.length - 1];
    // A row with only its URAIAN cell continues the cell above it (a long cell the document split over two rows).
    if (continued && service && value && isContinuation(line)) {
      const raw = `${service.raw[continued] ?? ''}\n${value.text}`;
      setPart(service, continued, raw, service.parts[continued]?.at ?? spotOf(line, [value]));
      continue;
    }
    continued = undefined;
    const component = componentOf(line.cells[1]?.text ?? '');
    if (component === undefined || !value) continue;
    if (component === 'requirements' && lastName) {
      services.push({ name: lastName, ...(unit ? { unit } : {}), parts: {}, raw: {} });
      lastName = undefined;
    }
    const current = services[services.length - 1];
    if (!current || current.parts[component]) continue;
    setPart(current, component, value.text, spotOf(line, [value]));
    continued = component;
  }
  return services.map((service): ParsedSop => {
    const procedure = service.parts.procedure;
    const rows = procedure ? procedureRows(procedure.value, service.raw.procedure ?? '', procedure.at) : [];
    const last = rows[rows.length - 1];
    if (last && service.parts.product) last.output = service.parts.product.value.replace(/\.$/, '');
    return {
      detail: 'service-standard',
      at: service.name.at,
      cover: { name: service.name, ...(service.unit ? { unitHeading: service.unit } : {}) },
      lanes: [],
      rows,
      serviceStandard: service.parts,
    };
  });
}
