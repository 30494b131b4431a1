import fc from 'fast-check';
import { applicant } from '../../security/support/securityFixture.ts';

/** One operation of the OpenAPI document, as much of it as the fuzzer needs. */
export interface FuzzOperation {
  method: string;
  path: string;
  /** JSON Schema of the JSON body, if any. */
  bodySchema?: JsonSchema;
  /** True for raw uploads (application/octet-stream). */
  rawBody: boolean;
}

/** The subset of JSON Schema the route bodies use. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  minimum?: number;
  maximum?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

/** One generated request. `body` is JSON text (so it can carry lone surrogates), `raw` bytes for uploads. */
export interface FuzzRequest {
  method: string;
  path: string;
  /** The operation's path template (for per-operation figures). */
  template: string;
  client: string;
  body?: string;
  contentType?: string;
  raw?: Uint8Array;
}

/** Strings that have broken web applications: injections, encodings, extremes. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  "' OR '1'='1",
  '"; DROP TABLE cases; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  'x'.repeat(5000),
  '\u0000',
  'a\u0000b',
  '\ud83d',
  'Siti \ude00 Aminah',
  '😊🙏',
  '\u202eevil',
  '\r\nSet-Cookie: a=1',
  '9'.repeat(40),
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'true',
  '2026-02-30',
  '9999-99-99',
  '0000-00-00T00:00:00Z',
  '2026-01-01T00:00:00Z',
  '%00',
  '%ED%A0%80',
  '\\u0000',
  '__proto__',
  'constructor',
];

/** Path-segment values: odd numbers, encodings, traversal, overlong. Already URL-encoded where needed. */
const ODD_SEGMENTS = [
  'abc',
  '0',
  '-1',
  '1.5',
  '1e3',
  '2147483648',
  '99999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  '%ED%A0%80',
  '%E0%A4%A',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '%27%20OR%201%3D1--',
  '%3Cscript%3E',
  'a'.repeat(600),
  '%F0%9F%98%8A',
  '%20',
  'null',
  'undefined',
];

/** Query names the routes read, plus one no route knows. */
const QUERY_NAMES = [
  'after',
  'limit',
  'page',
  'pageSize',
  'q',
  'from',
  'to',
  'sopId',
  'status',
  'dueBy',
  'before',
  'overdue',
  'assigned',
  'reason',
  'name',
  'doc',
  'bases',
  'bucket',
  'caseId',
  'zzz',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

const oddNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 31 - 1, 2 ** 53 + 2, 1e20, -1e20, 0.5, Number.MAX_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value of modest size. */
const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** A value of a JSON Schema: mostly well-typed (to reach the handlers), often hostile inside those types. */
export function valueOf(
  schema: JsonSchema | boolean | undefined,
  known: Record<string, string[]>,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema === undefined || typeof schema === 'boolean' || depth > 4) return anyJson;
  const wrong = fc.oneof(anyJson, hostileString, oddNumber);
  if (schema.enum)
    return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: wrong });
  if (schema.const !== undefined) return fc.constant(schema.const);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return fc.oneof(...variants.map((v) => valueOf(v, known, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const typed = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        if (schema.format === 'date-time')
          return fc.oneof(
            fc
              .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
              .map((d) => d.toISOString()),
            hostileString,
          );
        return fc.oneof(
          { weight: 2, arbitrary: hostileString },
          { weight: 1, arbitrary: fc.constantFrom(...known.any!) },
        );
      case 'integer':
      case 'number':
        return oddNumber;
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(valueOf(schema.items, known, depth + 1), { maxLength: 4 });
      case 'object':
        return objectOf(schema, known, depth);
      default:
        return anyJson;
    }
  })();
  return fc.oneof({ weight: 8, arbitrary: typed }, { weight: 1, arbitrary: wrong });
}

function objectOf(schema: JsonSchema, known: Record<string, string[]>, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  if (names.length === 0) {
    // Free-form objects (case data, form data): the real applicant with hostile values mixed in.
    return fc.oneof(
      fc
        .record({
          key: fc.constantFrom(...Object.keys(applicant), '', ' ', 'extra'),
          value: fc.oneof(hostileString, oddNumber, anyJson),
        })
        .map(({ key, value }) => ({ ...applicant, [key]: value })),
      fc.dictionary(hostileString, anyJson, { maxKeys: 4 }),
    );
  }
  const required = new Set(schema.required ?? []);
  const shape = Object.fromEntries(names.map((name) => [name, valueOf(properties[name], known, depth + 1)]));
  return fc
    .tuple(
      fc.record(shape, { requiredKeys: names.filter((n) => required.has(n)) }),
      fc.option(fc.tuple(hostileString, anyJson), { freq: 8 }),
      fc.subarray([...required], { maxLength: Math.min(1, required.size) }),
    )
    .map(([value, extra, dropped]) => {
      const result: Record<string, unknown> = { ...value };
      if (extra) result[extra[0]] = extra[1];
      for (const name of dropped) delete result[name];
      return result;
    });
}

/** Odd bodies that no schema describes: malformed JSON, huge, deep, wrong types, lone surrogates in raw JSON. */
const ODD_JSON_TEXTS: string[] = [
  '',
  '{',
  'null',
  '[]',
  '"teks"',
  '123',
  '{"a":"\\ud800"}',
  '{"\\udfff":1}',
  '{"__proto__":{"admin":true}}',
  `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  `{"a":"${'x'.repeat(300_000)}"}`,
  '{"a":1,"a":2}',
];

/** Raw upload bodies: real and disguised file types, empty, random bytes. */
const RAW_BODIES: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc.constantFrom(
    new Uint8Array(0),
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    new TextEncoder().encode('%PDF-1.4\n1 0 obj << /JS (app.alert(1)) /S /JavaScript >> endobj\n%%EOF'),
    new TextEncoder().encode('%PDF-1.4\n%%EOF'),
    new TextEncoder().encode('PK\u0003\u0004garbage'),
    new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]),
    new TextEncoder().encode('<svg onload="alert(1)"/>'),
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
  ),
);

/** URL-encodes a segment; lone surrogates (which encodeURIComponent refuses) become the UTF-8 bytes of a surrogate. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text
      .split(/([\ud800-\udfff])/)
      .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
      .join('');
  }
}

function pathWith(template: string, known: Record<string, string[]>): fc.Arbitrary<string> {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (names.length === 0) return fc.constant(template);
  const values = names.map((name) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(known[name] ?? known.any!)).map(encodeSegment) },
      { weight: 2, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
      { weight: 1, arbitrary: hostileString.filter((s) => s.length > 0).map(encodeSegment) },
    ),
  );
  return fc.tuple(...values).map((chosen) => {
    let path = template;
    names.forEach((name, i) => (path = path.replace(`{${name}}`, chosen[i]!)));
    return path;
  });
}

const queryString: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom(...QUERY_NAMES),
      fc.oneof(hostileString, fc.constantFrom('true', '1', '50', '2026-01-01', '~|x', 'bantuan-permakanan', 'month')),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => (pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`));

/** JSON text of a value; lone surrogates come out as \\udXXX escapes, which is what a hostile client sends. */
function jsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** Requests for one operation, from the given signed-in clients (names) and known ids per path parameter. */
export function requestsFor(
  operation: FuzzOperation,
  clients: string[],
  known: Record<string, string[]>,
): fc.Arbitrary<FuzzRequest> {
  const base = fc.record({
    path: fc.tuple(pathWith(operation.path, known), queryString).map(([p, q]) => p + q),
    client: fc.constantFrom(...clients),
    template: fc.constant(operation.path),
  });
  const method = operation.method.toUpperCase();
  if (operation.rawBody)
    return fc
      .tuple(
        base,
        RAW_BODIES,
        fc.constantFrom('application/octet-stream', 'image/png', 'application/pdf', 'text/html', 'application/zip'),
      )
      .map(([b, raw, contentType]) => ({ ...b, method, raw, contentType }));
  if (method === 'GET') return base.map((b) => ({ ...b, method }));
  const body = fc.oneof(
    { weight: 8, arbitrary: valueOf(operation.bodySchema, known).map(jsonText) },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_JSON_TEXTS) },
    { weight: 1, arbitrary: anyJson.map(jsonText) },
  );
  return fc
    .tuple(
      base,
      body,
      fc.constantFrom(
        'application/json',
        'application/json',
        'application/json',
        'text/plain',
        'application/json; charset=latin1',
      ),
    )
    .map(([b, text, contentType]) => ({ ...b, method, body: text, contentType }));
}
