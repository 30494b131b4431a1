import { slugId } from '../table/slugId.ts';

/** The kinds of field a drafter adds, each with its Indonesian name in the builder. */
export const FIELD_KINDS = ['teks', 'angka', 'tanggal', 'pilihan', 'yaTidak', 'nik', 'alamat', 'berkas'] as const;

/** A kind of field. `alamat` adds the address fields area scoping reads; `berkas` an upload in the checklist. */
export type FieldKind = (typeof FIELD_KINDS)[number];

/** "tampilkan jika": the field shows only when another field has this value. */
export interface ShowIf {
  field: string;
  value: string | boolean;
}

/** One field of a form as the builder shows it. */
export interface FormField {
  name: string;
  kind: Exclude<FieldKind, 'berkas'>;
  label: string;
  required: boolean;
  options?: string[];
  showIf?: ShowIf;
}

type Obj = Record<string, unknown>;

/** A form as written in an SOP: title, regency fragments included, JSON Schema and display settings. */
export interface FormBody {
  title?: string;
  include?: string[];
  schema: { type: 'object'; required?: string[]; properties: Obj; allOf?: Obj[] };
  uiSchema?: Obj;
}

const NIK_PATTERN = '^[0-9]{16}$';

/** The address fields the case register and area scopes read (same names as the identitas-pemohon fragment). */
export const ADDRESS_FIELDS: ReadonlyArray<{ name: string; label: string }> = [
  { name: 'address', label: 'Alamat (jalan, RT/RW)' },
  { name: 'district', label: 'Kecamatan' },
  { name: 'village', label: 'Desa / Kelurahan' },
];

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function kindOf(property: Obj): FormField['kind'] {
  if (property.type === 'boolean') return 'yaTidak';
  if (property.type === 'number' || property.type === 'integer') return 'angka';
  if (property.format === 'date') return 'tanggal';
  if (Array.isArray(property.enum)) return 'pilihan';
  if (property.pattern === NIK_PATTERN) return 'nik';
  return 'teks';
}

/** The JSON Schema of one field: the drafter's label and kind over what the property already said. */
function propertyOf(field: FormField, before: Obj | undefined): Obj {
  const base: Obj = { ...(before ?? {}) };
  for (const key of ['type', 'format', 'enum', 'pattern']) delete base[key];
  const typed: Obj = (() => {
    switch (field.kind) {
      case 'angka':
        return { type: 'number' };
      case 'tanggal':
        return { type: 'string', format: 'date' };
      case 'pilihan':
        return { type: 'string', enum: field.options ?? [] };
      case 'yaTidak':
        return { type: 'boolean' };
      case 'nik':
        return { type: 'string', pattern: NIK_PATTERN };
      default:
        return { type: 'string' };
    }
  })();
  const { type, format, ...constraint } = typed;
  // Written in the seeds' order: type, format, title, then enum or pattern, then what was there before.
  return {
    type,
    ...(format !== undefined ? { format } : {}),
    title: field.label,
    ...constraint,
    ...Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'title')),
  };
}

function conditionOf(entry: Obj): { showIf: ShowIf; properties: Obj; required: string[] } | undefined {
  const when = isObj(entry.if) && isObj(entry.if.properties) ? entry.if.properties : undefined;
  const then = isObj(entry.then) && isObj(entry.then.properties) ? entry.then : undefined;
  const field = when ? Object.keys(when)[0] : undefined;
  const test = field !== undefined && when ? when[field] : undefined;
  if (!then || field === undefined || !isObj(test) || !('const' in test)) return undefined;
  const value = test.const;
  if (typeof value !== 'string' && typeof value !== 'boolean') return undefined;
  const required = Array.isArray(then.required) ? then.required.filter((r): r is string => typeof r === 'string') : [];
  return { showIf: { field, value }, properties: then.properties as Obj, required };
}

/** The fields of a form body in order: its own properties, then those shown only "jika …". */
export function readFields(body: FormBody | undefined): FormField[] {
  if (!body) return [];
  const required = new Set(body.schema.required ?? []);
  const fields: FormField[] = Object.entries(body.schema.properties)
    .filter(([, p]) => isObj(p))
    .map(([name, p]) => toField(name, p as Obj, required.has(name)));
  for (const entry of body.schema.allOf ?? []) {
    const condition = conditionOf(entry);
    if (!condition) continue;
    for (const [name, p] of Object.entries(condition.properties))
      if (isObj(p)) fields.push({ ...toField(name, p, condition.required.includes(name)), showIf: condition.showIf });
  }
  return fields;
}

function toField(name: string, property: Obj, required: boolean): FormField {
  const field: FormField = {
    name,
    kind: kindOf(property),
    label: typeof property.title === 'string' ? property.title : name,
    required,
  };
  if (Array.isArray(property.enum)) field.options = property.enum.map(String);
  return field;
}

function allProperties(body: FormBody | undefined): Obj {
  const out: Obj = { ...(body?.schema.properties ?? {}) };
  for (const entry of body?.schema.allOf ?? []) Object.assign(out, conditionOf(entry)?.properties ?? {});
  return out;
}

/**
 * Writes fields back as a readable JSON Schema: unconditional fields under `properties`, each "tampilkan
 * jika" group as one `allOf` entry (`if` the field has the value, `then` these properties). Keys the
 * builder does not know (description, default, minLength) are kept from the previous schema.
 */
export function writeFields(body: FormBody | undefined, fields: FormField[]): FormBody {
  const before = allProperties(body);
  const properties: Obj = {};
  const required: string[] = [];
  const groups = new Map<string, { showIf: ShowIf; properties: Obj; required: string[] }>();
  for (const field of fields) {
    const previous = before[field.name];
    const property = propertyOf(field, isObj(previous) ? previous : undefined);
    if (!field.showIf) {
      properties[field.name] = property;
      if (field.required) required.push(field.name);
      continue;
    }
    const key = JSON.stringify(field.showIf);
    const group = groups.get(key) ?? { showIf: field.showIf, properties: {}, required: [] };
    group.properties[field.name] = property;
    if (field.required) group.required.push(field.name);
    groups.set(key, group);
  }
  const schema: FormBody['schema'] = { type: 'object', ...(required.length > 0 ? { required } : {}), properties };
  const allOf = [...groups.values()].map((g) => ({
    if: { properties: { [g.showIf.field]: { const: g.showIf.value } }, required: [g.showIf.field] },
    then: { ...(g.required.length > 0 ? { required: g.required } : {}), properties: g.properties },
  }));
  if (allOf.length > 0) schema.allOf = allOf;
  const out: FormBody = { ...(body ?? {}), schema };
  if (!body?.title) delete out.title;
  return out;
}

/** A field name nobody types: from the label, free in this form. */
export function fieldName(label: string, taken: readonly string[]): string {
  // camelCase like the seeds' field names (fullName, birthDate), from the Indonesian label.
  const words = slugId(label).split('-').filter(Boolean);
  const base = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('') || 'isian';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}${n}`)) return `${base}${n}`;
}

/** New fields for a kind: one field, or the address fields for `alamat` (those not yet in the form). */
export function newFields(
  kind: Exclude<FieldKind, 'berkas'>,
  label: string,
  taken: readonly string[],
  options: string[] = [],
): FormField[] {
  if (kind === 'alamat')
    return ADDRESS_FIELDS.filter((a) => !taken.includes(a.name)).map((a) => ({
      name: a.name,
      kind: 'teks' as const,
      label: a.label,
      required: a.name !== 'address',
    }));
  const field: FormField = { name: fieldName(label, taken), kind, label: label.trim(), required: false };
  if (kind === 'pilihan') field.options = options;
  return [field];
}
