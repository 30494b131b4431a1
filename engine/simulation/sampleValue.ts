import randexpModule from 'randexp';

type RandExpInstance = { max: number; randInt: (from: number, to: number) => number; gen: () => string };
type RandExpClass = new (pattern: string) => RandExpInstance;
// randexp is CommonJS: depending on the loader its class is the module itself or its `default`.
const RandExp = ((randexpModule as unknown as { default?: RandExpClass }).default ??
  randexpModule) as unknown as RandExpClass;

/** A JSON Schema node as far as sample generation needs it. */
export interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  title?: string;
}

function patternSample(pattern: string): string {
  const generator = new RandExp(pattern);
  generator.max = 3;
  // Deterministic: always the lowest choice, so test data and simulations are repeatable.
  generator.randInt = (from: number) => from;
  return generator.gen();
}

function stringSample(schema: SchemaNode): string {
  if (schema.format === 'date') return '2025-01-06';
  if (schema.format === 'date-time') return '2025-01-06T09:00:00+08:00';
  if (schema.format === 'email') return 'pemohon@example.id';
  if (schema.format === 'uri') return 'https://example.id';
  // A 16-digit number is a NIK or KK: a structurally valid one (Kutai Kartanegara, 1 Jan 2001, serial 0001).
  if (schema.pattern === '^[0-9]{16}$') return '6402010101010001';
  if (schema.pattern !== undefined) return patternSample(schema.pattern);
  const text = schema.title !== undefined ? `Contoh ${schema.title}` : 'Contoh isian';
  const min = schema.minLength ?? 0;
  const padded = text.length >= min ? text : text.padEnd(min, 'x');
  return schema.maxLength !== undefined ? padded.slice(0, schema.maxLength) : padded;
}

/** A valid, deterministic example value for a JSON Schema (required fields and defaults filled). */
export function sampleValue(schema: SchemaNode): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringSample(schema);
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? 1;
      return schema.maximum !== undefined ? Math.min(low, schema.maximum) : low;
    }
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleValue(schema.items ?? { type: 'string' }));
    case 'object':
    default: {
      if (!schema.properties) return type === 'object' ? {} : 'Contoh';
      const out: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(schema.properties)) {
        if ((schema.required ?? []).includes(name) || child.default !== undefined) out[name] = sampleValue(child);
      }
      return out;
    }
  }
}
