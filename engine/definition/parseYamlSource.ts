import { Composer, isAlias, isMap, isScalar, isSeq, LineCounter, Parser, visit, type CST, type Document } from 'yaml';
import { unplaced, type UnplacedError } from './definitionError.ts';
import { yamlProblemOf } from './messagePhrases.ts';

/** Limits that keep hostile files (YAML bombs, huge or deeply nested input) from hurting the server. */
export const SOURCE_LIMITS = { maxBytes: 1024 * 1024, maxAliases: 100, maxDepth: 64 } as const;

/** A parsed YAML file with what is needed to point at any value in it. */
export interface YamlSource {
  document: Document.Parsed;
  lineCounter: LineCounter;
  value: unknown;
}

/** A parse error positioned by character offset in the decoded text; -1 when it concerns the whole file. */
export type ParseError = UnplacedError & { offset: number };

/** Parse outcome: either the source or errors positioned by character offset. */
export type ParseOutcome = { ok: true; source: YamlSource } | { ok: false; errors: ParseError[] };

interface RawYamlError {
  code: string;
  message: string;
  offset: number;
}

function fail(error: UnplacedError, offset: number): ParseOutcome {
  return { ok: false, errors: [{ ...error, offset }] };
}

function depthExceeds(value: unknown, limit: number): boolean {
  // Iterative walk: a recursive one could itself overflow the stack on hostile input.
  const stack: Array<{ v: unknown; d: number }> = [{ v: value, d: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    if (item.d > limit) return true;
    if (item.v !== null && typeof item.v === 'object') {
      for (const child of Object.values(item.v)) stack.push({ v: child, d: item.d + 1 });
    }
  }
  return false;
}

/** Byte offset of the first NUL byte or invalid UTF-8 sequence, or -1 when the bytes are clean UTF-8 text. */
function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0) return i;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= bytes.length) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Offset of the first node nested deeper than `limit`, found on the concrete syntax tree before composing:
 * the composer recurses per nesting level, and near the stack limit V8 can abort the whole process.
 */
function tooDeepOffset(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: Array<{ token: CST.Token; depth: number }> = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.type === 'document' && token.value) stack.push({ token: token.value, depth: 0 });
  }
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (depth > limit) return token.offset;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    // Children pushed in reverse so the first offender in document order is found first.
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i]!;
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The key text at a duplicate-key error: quoted or plain, up to its colon. */
function keyAt(text: string, offset: number): string {
  const head = text.slice(offset, offset + 1024);
  const match = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^:\n#,{}[\]]*?))\s*:(?:\s|$)/.exec(head);
  const key = match ? (match[1] ?? match[2]?.replace(/''/g, "'") ?? match[3] ?? '') : '';
  return key.trim() || (head.split(/[\s:]/)[0] ?? '');
}

/** Where an unclosed quote was opened: the last unescaped quote character before the end the parser reached. */
function openingQuote(text: string, offset: number, quote: string): number {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === "'" && text[i - 1] === "'") {
      i--;
      continue;
    }
    let backslashes = 0;
    while (quote === '"' && text[i - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return offset;
}

/** Where an unclosed `{` or `[` was opened, scanning back from where the parser noticed. */
function openingBracket(text: string, offset: number, open: string, close: string): number {
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return offset;
}

/** Moves an offset that falls in a line's leading spaces to the line's first character. */
function skipIndentation(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (text.slice(lineStart, offset).trim() !== '') return offset;
  let i = offset;
  while (text[i] === ' ') i++;
  return text[i] === undefined || text[i] === '\n' || text[i] === '\r' ? offset : i;
}

/** Turns the parser's first syntax error into a YAML_SYNTAX error pointing at where the drafter must look. */
function syntaxError(raw: RawYamlError, text: string): ParseError {
  const detail = raw.message.split('\n')[0] ?? raw.message;
  const problem = yamlProblemOf(raw.code, raw.message);
  let offset = raw.offset;
  const params: Record<string, string> = { detail };
  if (problem) params.problem = problem;
  if (problem === 'unclosedQuote') {
    const quote = raw.message.includes("'quote") ? "'" : '"';
    params.quote = quote;
    offset = openingQuote(text, offset, quote);
  } else if (problem === 'unclosedFlow') {
    const close = raw.message.trim().endsWith(']') ? ']' : '}';
    const open = close === ']' ? '[' : '{';
    Object.assign(params, { open, close });
    offset = openingBracket(text, offset, open, close);
  } else if (problem === 'notAligned' || problem === 'badIndent') {
    offset = skipIndentation(text, offset);
  }
  return { ...unplaced('YAML_SYNTAX', '', params), offset };
}

/**
 * Keeps every duplicate key, but only the first real syntax error: what the parser reports after one
 * is almost always a consequence of it (a tab in an indentation yields three errors on one line).
 */
function parserErrors(raws: RawYamlError[], text: string): ParseError[] {
  const sorted = [...raws].sort((a, b) => a.offset - b.offset);
  const exhausted = sorted.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted)
    return [{ ...unplaced('NESTING_TOO_DEEP', '', { limit: SOURCE_LIMITS.maxDepth }), offset: exhausted.offset }];
  const firstSyntax = sorted.find((e) => e.code !== 'DUPLICATE_KEY');
  const duplicates = sorted.filter(
    (e) => e.code === 'DUPLICATE_KEY' && (!firstSyntax || e.offset < firstSyntax.offset),
  );
  const errors: ParseError[] = duplicates.map((e) => ({
    ...unplaced('YAML_DUPLICATE_KEY', '', { key: keyAt(text, e.offset) }),
    offset: e.offset,
  }));
  if (firstSyntax) errors.push(syntaxError(firstSyntax, text));
  return errors;
}

/** The first alias in the document (optionally only an unresolved one), for positioning alias errors. */
function firstAlias(document: Document.Parsed, unresolvedOnly: boolean): { offset: number; name: string } | undefined {
  let found: { offset: number; name: string } | undefined;
  visit(document, {
    Alias(_key, node) {
      if (unresolvedOnly && node.resolve(document) !== undefined) return undefined;
      found = { offset: node.range?.[0] ?? -1, name: node.source };
      return visit.BREAK;
    },
  });
  return found;
}

function parseText(text: string): ParseOutcome {
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = tooDeepOffset(tokens, SOURCE_LIMITS.maxDepth);
  if (deep !== undefined) return fail(unplaced('NESTING_TOO_DEEP', '', { limit: SOURCE_LIMITS.maxDepth }), deep);

  const composer = new Composer({ uniqueKeys: true, strict: true, prettyErrors: false });
  let document: Document.Parsed | undefined;
  const raws: RawYamlError[] = [];
  for (const doc of composer.compose(tokens, true, text.length)) {
    if (document) {
      raws.push({ code: 'MULTIPLE_DOCS', message: 'Source contains multiple documents', offset: doc.range[0] });
      break;
    }
    document = doc;
  }
  if (!document) return fail(unplaced('NOT_A_MAPPING', '', { actual: 'null' }), -1);
  raws.push(...document.errors.map((e) => ({ code: e.code, message: e.message, offset: e.pos[0] })));
  if (raws.length > 0) return { ok: false, errors: parserErrors(raws, text) };

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: SOURCE_LIMITS.maxAliases });
  } catch (error) {
    if (error instanceof ReferenceError && error.message.startsWith('Unresolved alias')) {
      const alias = firstAlias(document, true);
      return fail(
        unplaced('YAML_SYNTAX', '', { detail: error.message, problem: 'unresolvedAlias', alias: alias?.name ?? '' }),
        alias?.offset ?? -1,
      );
    }
    const offset = firstAlias(document, false)?.offset ?? -1;
    if (error instanceof ReferenceError)
      return fail(unplaced('YAML_ALIAS_LIMIT', '', { limit: SOURCE_LIMITS.maxAliases }), offset);
    return fail(unplaced('NESTING_TOO_DEEP', '', { limit: SOURCE_LIMITS.maxDepth }), offset);
  }
  // The syntax tree was shallow enough, so only aliases can have made the value this deep.
  if (depthExceeds(value, SOURCE_LIMITS.maxDepth)) {
    return fail(
      unplaced('NESTING_TOO_DEEP', '', { limit: SOURCE_LIMITS.maxDepth }),
      firstAlias(document, false)?.offset ?? -1,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const actual = value === null || value === undefined ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    const contents = document.contents;
    const empty = contents === null || (isScalar(contents) && contents.value === null);
    const offset =
      empty || !(isMap(contents) || isSeq(contents) || isScalar(contents) || isAlias(contents))
        ? -1
        : (contents.range?.[0] ?? -1);
    return fail(unplaced('NOT_A_MAPPING', '', { actual }), offset);
  }
  return { ok: true, source: { document, lineCounter, value } };
}

/** Parses YAML text with positions, enforcing size, encoding, alias and depth limits; never throws. */
export function parseYamlSource(bytes: Uint8Array): ParseOutcome {
  if (bytes.byteLength > SOURCE_LIMITS.maxBytes) {
    return fail(unplaced('FILE_TOO_LARGE', '', { size: bytes.byteLength, limit: SOURCE_LIMITS.maxBytes }), -1);
  }
  const bad = firstBadByte(bytes);
  if (bad >= 0) {
    // Point at the offending byte: for a file saved in another encoding, that is the first accented letter or dash.
    return fail(unplaced('BINARY_CONTENT', ''), new TextDecoder().decode(bytes.subarray(0, bad)).length);
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    return parseText(text);
  } catch (error) {
    if (error instanceof RangeError)
      return fail(unplaced('NESTING_TOO_DEEP', '', { limit: SOURCE_LIMITS.maxDepth }), -1);
    return fail(unplaced('YAML_SYNTAX', '', { detail: error instanceof Error ? error.message : String(error) }), 0);
  }
}

/** Splits a JSON pointer ("/steps/2/actor") into segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as { range?: unknown }).range;
  return Array.isArray(range) ? (range as [number, number, number]) : undefined;
}

function scalarValue(node: unknown): unknown {
  return node !== null && typeof node === 'object' && 'value' in node ? (node as { value: unknown }).value : node;
}

/** The YAML node at a JSON pointer, if the path exists in the source. */
export function nodeAt(source: YamlSource, pointer: string): unknown {
  let node: unknown = source.document.contents;
  for (const segment of pointerSegments(pointer)) {
    if (isMap(node)) node = node.items.find((p) => String(scalarValue(p.key)) === segment)?.value;
    else if (isSeq(node)) node = node.items[Number(segment)];
    else return undefined;
  }
  return node;
}

/** Finds the source offset of the value at a JSON pointer, or of its key; falls back to the deepest existing ancestor. */
export function locateOffset(source: YamlSource, pointer: string, atKey = false): number {
  let node: unknown = source.document.contents;
  // Errors about the whole definition point at its first key rather than at a leading comment.
  let offset = rangeOf(node)?.[0] ?? 0;
  const segments = pointerSegments(pointer);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => String(scalarValue(p.key)) === segment);
      if (!pair) return offset;
      const keyRange = rangeOf(pair.key);
      if (last && atKey && keyRange) return keyRange[0];
      node = pair.value;
      const range = rangeOf(pair.value) ?? keyRange;
      if (range) offset = range[0];
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(segment)];
      if (item === undefined) return offset;
      node = item;
      const range = rangeOf(item);
      if (range) offset = range[0];
    } else {
      return offset;
    }
  }
  return offset;
}
