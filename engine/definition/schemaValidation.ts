import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import commonSchema from '../schema/common.schema.json' with { type: 'json' };
import regencySchema from '../schema/regency.schema.json' with { type: 'json' };
import sopSchema from '../schema/sop.schema.json' with { type: 'json' };
import { unplaced, type ErrorParams, type UnplacedError } from './definitionError.ts';
import { withSuggestion } from './suggest.ts';

type SchemaNode = {
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
  pattern?: string;
  $ref?: string;
};

type SchemaFile = 'common.schema.json' | 'regency.schema.json' | 'sop.schema.json';
const schemaFiles: Record<SchemaFile, SchemaNode> = {
  'common.schema.json': commonSchema as SchemaNode,
  'regency.schema.json': regencySchema as SchemaNode,
  'sop.schema.json': sopSchema as SchemaNode,
};

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Creates the one ajv instance used for definitions, with the Alur schemas registered. */
export function createDefinitionAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(commonSchema);
  ajv.addSchema(regencySchema);
  ajv.addSchema(sopSchema);
  return ajv;
}

let validators: { sop: ValidateFunction; regency: ValidateFunction } | undefined;

function getValidators(): { sop: ValidateFunction; regency: ValidateFunction } {
  if (!validators) {
    const ajv = createDefinitionAjv();
    validators = {
      sop: ajv.getSchema(sopSchema.$id) as ValidateFunction,
      regency: ajv.getSchema(regencySchema.$id) as ValidateFunction,
    };
  }
  return validators;
}

const ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,79}$';

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function lastSegment(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] ?? '';
}

/** Follows `$ref`s (within and across the Alur schema files) to the schema they name. */
function deref(node: SchemaNode, file: SchemaFile): { node: SchemaNode; file: SchemaFile } {
  let current = node;
  let currentFile = file;
  for (let hops = 0; hops < 8 && current.$ref !== undefined; hops++) {
    const [refFile, pointer = ''] = current.$ref.split('#');
    if (refFile) {
      if (!(refFile in schemaFiles)) break;
      currentFile = refFile as SchemaFile;
    }
    let target: unknown = schemaFiles[currentFile];
    for (const segment of pointer.split('/').filter(Boolean)) {
      target = target !== null && typeof target === 'object' ? (target as Record<string, unknown>)[segment] : undefined;
    }
    if (target === null || typeof target !== 'object') break;
    current = target as SchemaNode;
  }
  return { node: current, file: currentFile };
}

/** The subschema for one instance path segment, looking through if/then/else alternatives. */
function childSchema(
  node: SchemaNode,
  file: SchemaFile,
  segment: string,
  budget = 4,
): { node: SchemaNode; file: SchemaFile } | undefined {
  const property = node.properties?.[segment];
  if (property) return { node: property, file };
  if (node.items && /^\d+$/.test(segment)) return { node: node.items, file };
  if (budget === 0) return undefined;
  for (const branch of [node.then, node.else]) {
    if (!branch) continue;
    const resolved = deref(branch, file);
    const found = childSchema(resolved.node, resolved.file, segment, budget - 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * The title a drafter knows a value by: the title written on the property (`legalBasis` is "Dasar Hukum"),
 * not that of the shared definition it refers to ("Daftar teks").
 */
function titleAtPath(root: SchemaFile, instancePath: string): string | undefined {
  let current = deref(schemaFiles[root], root);
  let title = current.node.title;
  for (const segment of instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    const child = childSchema(current.node, current.file, segment);
    if (!child) return undefined;
    current = deref(child.node, child.file);
    title = child.node.title ?? current.node.title;
  }
  return title;
}

/** The description of the property at an instance path (the words that explain its format), like titleAtPath. */
function descriptionAtPath(root: SchemaFile, instancePath: string): string | undefined {
  let current = deref(schemaFiles[root], root);
  let description = current.node.description;
  for (const segment of instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    const child = childSchema(current.node, current.file, segment);
    if (!child) return undefined;
    current = deref(child.node, child.file);
    description = child.node.description ?? current.node.description;
  }
  return description;
}

function titleOf(error: ErrorObject, root: SchemaFile): string {
  const schema = error.parentSchema as SchemaNode | undefined;
  return titleAtPath(root, error.instancePath) ?? schema?.title ?? (lastSegment(error.instancePath) || 'Nilai');
}

function exampleId(value: unknown): string {
  const slug = String(value)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > 0 ? slug.slice(0, 80) : 'contoh-pengenal';
}

/** Turns one raw ajv error into a definition error; the single adapter between ajv and Alur diagnostics. */
export function toUnplacedError(error: ErrorObject, root: SchemaFile = 'sop.schema.json'): UnplacedError | undefined {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema as SchemaNode | undefined;
  const title = titleOf(error, root);
  switch (error.keyword) {
    case 'if':
      return undefined;
    case 'required': {
      const key = String(params.missingProperty);
      const escaped = key.replace(/~/g, '~0').replace(/\//g, '~1');
      const propertyTitle = titleAtPath(root, `${path}/${escaped}`) ?? schema?.properties?.[key]?.title ?? key;
      return unplaced('SCHEMA_REQUIRED', path, { key, title: propertyTitle, parentPath: path });
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(schema?.properties ?? {});
      const p: ErrorParams = withSuggestion({ key, allowed: allowed.join(', '), parentPath: path }, key, allowed);
      return unplaced('SCHEMA_UNKNOWN_KEY', `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, p, true);
    }
    case 'type': {
      const p: ErrorParams = {
        title,
        expected: String(params.type).split(',')[0] ?? 'string',
        actual: jsonType(error.data),
      };
      if (params.type === 'string' && typeof error.data === 'number') p.quoteValue = String(error.data);
      return unplaced('SCHEMA_TYPE', path, p);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return unplaced(
        'SCHEMA_ENUM',
        path,
        withSuggestion({ title, value: String(error.data), allowed: allowed.join(', ') }, String(error.data), allowed),
      );
    }
    case 'const':
      return unplaced('SCHEMA_CONST', path, { title, expected: String(params.allowedValue) });
    case 'pattern':
      if (params.pattern === ID_PATTERN)
        return unplaced('SCHEMA_ID_FORMAT', path, { value: String(error.data), example: exampleId(error.data) });
      // A NIP is explained in words (18 digits, spaces allowed), never with the pattern itself.
      if (path.endsWith('/nip'))
        return unplaced('NIP_FORMAT', path, {
          value: String(error.data),
          digits: String(error.data).replace(/[^0-9]/g, '').length,
        });
      // Other patterns are explained with the property's own description (every schema property has one),
      // not with the regular expression, now that admins edit regency.yaml in the app.
      return unplaced('SCHEMA_PATTERN', path, {
        title,
        value: String(error.data),
        pattern: String(params.pattern),
        explanation: descriptionAtPath(root, path) ?? `Pola: ${String(params.pattern)}`,
      });
    case 'format':
      return unplaced('SCHEMA_FORMAT', path, { title, value: String(error.data), format: String(params.format) });
    case 'uniqueItems':
      return unplaced('SCHEMA_UNIQUE', path, { title, first: Number(params.j) + 1, second: Number(params.i) + 1 });
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
      return unplaced('SCHEMA_LIMIT', path, { title, keyword: error.keyword, limit: Number(params.limit) });
    default:
      return unplaced('SCHEMA_OTHER', path, { title, detail: error.message ?? error.keyword });
  }
}

/** A misspelt key (`activty`) also leaves its required key missing; the did-you-mean error says both. */
function dropMisspeltRequired(errors: UnplacedError[]): UnplacedError[] {
  const misspelt = new Set(
    errors
      .filter((e) => e.code === 'SCHEMA_UNKNOWN_KEY' && e.params.candidate !== undefined)
      .map((e) => `${String(e.params.parentPath)}|${String(e.params.candidate)}`),
  );
  return errors.filter((e) => e.code !== 'SCHEMA_REQUIRED' || !misspelt.has(`${e.path}|${String(e.params.key)}`));
}

function validateWith(validate: ValidateFunction, value: unknown, root: SchemaFile): UnplacedError[] {
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: UnplacedError[] = [];
  for (const raw of validate.errors ?? []) {
    const error = toUnplacedError(raw, root);
    if (!error) continue;
    const key = `${error.code}|${error.path}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(error);
  }
  return dropMisspeltRequired(out);
}

/** Validates a parsed SOP against sop.schema.json, returning every error. */
export function validateSopSchema(value: unknown): UnplacedError[] {
  return validateWith(getValidators().sop, value, 'sop.schema.json');
}

/** Validates a parsed regency.yaml against regency.schema.json, returning every error. */
export function validateRegencySchema(value: unknown): UnplacedError[] {
  return validateWith(getValidators().regency, value, 'regency.schema.json');
}
