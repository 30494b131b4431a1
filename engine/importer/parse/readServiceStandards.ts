import { splitNumberedRun } from '../readers/cleanCellText.ts';
import { plainRow } from './plainRow.ts';
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
const SERVICE_NAME = /^[-*#\s]*(?:[a-z]\.\s+)(.+?)[*;\s]*$/;
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
    .flatMap((line) => {
      const sub = /^(\d+[.)]\s+[^:]+:)\s*([a-z]\.\s.+)$/.exec(line.trim());
      return sub?.[1] !== undefined && sub[2] !== undefined ? [sub[1], sub[2]] : [line];
    });
  for (const line of lines) {
    const numbered = /^(\d+)[.)]\s+(.+)$/.exec(line.trim());
    const previous = rows[rows.length - 1];
    if (numbered?.[2] !== undefined) {
      rows.push(plainRow(rows.length + 1, numbered[2].replace(/[;:,]\s*$/, '').trim(), at));
    } else if (previous && line.trim() !== '') previous.notes = `${previous.notes} ${line.trim()}`.trim();
  }
  if (rows.length > 0) return rows;
  return items.map((item, index) => plainRow(index + 1, item, at));
}

/**
 * Every service standard of a PermenPANRB 15/2014 document: a "KOMPONEN | URAIAN" table holding Persyaratan
 * starts a service (named by the line above it), a following table without it (Manufacturing) adds to it.
 */
export function readServiceStandards(lines: readonly FlatLine[]): ParsedSop[] {
  const services: Array<{
    name: Located<string>;
    unit?: Located<string>;
    parts: ServiceStandardReading;
    raw: Partial<Record<Component, string>>;
  }> = [];
  let unit: Located<string> | undefined;
  let lastName: Located<string> | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    if (!line.tableRow) {
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
    const component = componentOf(line.cells[1]?.text ?? '');
    const value = line.cells[2];
    if (component === undefined || !value) continue;
    if (component === 'requirements' && lastName) {
      services.push({ name: lastName, ...(unit ? { unit } : {}), parts: {}, raw: {} });
      lastName = undefined;
    }
    const service = services[services.length - 1];
    if (!service || service.parts[component]) continue;
    const at = spotOf(line, [value]);
    service.raw[component] = value.text;
    const parts = service.parts as Record<Component, Located<string> | Located<string[]>>;
    parts[component] = LIST_COMPONENTS.has(component)
      ? { value: component === 'requirements' ? requirementItems(value.text) : listItems(value.text), at }
      : { value: value.text.replace(/\s+/g, ' ').trim(), at };
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
