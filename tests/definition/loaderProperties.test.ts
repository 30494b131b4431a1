import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegencySource, loadSopSource, type SopLoad } from '../../engine/definition/loadDefinitionSource.ts';

const fixtures = join(import.meta.dirname, '../fixtures/valid/testkab');
const regency = loadRegencySource(readFileSync(join(fixtures, 'regency.yaml')), 'regency.yaml', 'testkab').regency;
const minimal = readFileSync(join(fixtures, 'minimal.yaml'), 'utf8');
const minimalLines = minimal.split('\n');

function load(bytes: Uint8Array): SopLoad {
  return loadSopSource(bytes, 'prop.yaml', { regency, folderName: 'testkab' });
}

/** Either a definition and no errors, or no definition and at least one well-formed error. */
function assertOutcome(result: SopLoad): void {
  if (result.definition) {
    expect(result.errors).toEqual([]);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.line).toBeGreaterThanOrEqual(0);
    expect(error.column).toBeGreaterThanOrEqual(0);
    expect(error.line === 0).toBe(error.column === 0);
    expect(error.message.trim().length).toBeGreaterThan(0);
    expect(error.messageEn.trim().length).toBeGreaterThan(0);
    expect(error.message).not.toContain('{{');
  }
}

/** Every error points inside the text: an existing line, and a column at most one past its end. */
function assertPositionsInside(result: SopLoad, text: string): void {
  const lines = text.split('\n');
  for (const error of result.errors) {
    if (error.line === 0) continue;
    expect(error.line, `${error.code} line`).toBeLessThanOrEqual(lines.length);
    const lineText = (lines[error.line - 1] ?? '').replace(/\r$/, '');
    expect(error.column, `${error.code} column on "${lineText}"`).toBeLessThanOrEqual(lineText.length + 1);
  }
}

const yamlToken = fc.constantFrom(
  'id',
  'steps',
  'actors',
  ':',
  ': ',
  '- ',
  '-',
  ' ',
  '  ',
  '\n',
  '\t',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '#',
  '&a ',
  '*a',
  '? ',
  '|',
  '>',
  '---',
  '...',
  '!!str ',
  '%YAML 1.2',
  '\\',
  '\r\n',
  'selesai',
  '5 menit',
  '0x1F',
  '1e3',
  'null',
  '~',
  '\uFEFF',
  'é',
  '\u0000',
);
const yamlish = fc.array(yamlToken, { maxLength: 60 }).map((parts) => parts.join(''));

describe('loader properties', () => {
  it('the unmutated fixture is valid (so mutations start from a loadable file)', () => {
    expect(load(new TextEncoder().encode(minimal)).errors).toEqual([]);
  });

  it('arbitrary text never throws and yields a definition or positioned errors', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), yamlish),
        (text) => {
          const result = load(new TextEncoder().encode(text));
          assertOutcome(result);
          assertPositionsInside(result, text.replace(/^\uFEFF/, ''));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('arbitrary bytes never throw and yield a definition or positioned errors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        assertOutcome(load(bytes));
      }),
      { numRuns: 100 },
    );
  });

  type Mutation =
    | { kind: 'delete'; line: number }
    | { kind: 'duplicate'; line: number }
    | { kind: 'swap'; line: number; other: number }
    | { kind: 'char'; line: number; column: number; char: string }
    | { kind: 'indent'; line: number; delta: number };

  const lineIndex = fc.nat({ max: minimalLines.length - 1 });
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), line: lineIndex }),
    fc.record({ kind: fc.constant('duplicate' as const), line: lineIndex }),
    fc.record({ kind: fc.constant('swap' as const), line: lineIndex, other: lineIndex }),
    fc.record({
      kind: fc.constant('char' as const),
      line: lineIndex,
      column: fc.nat({ max: 120 }),
      char: fc.constantFrom(' ', ':', '-', '"', "'", '[', '{', '}', '#', '\t', 'x', '0', '&', '*', '|', ''),
    }),
    fc.record({
      kind: fc.constant('indent' as const),
      line: lineIndex,
      delta: fc.integer({ min: -4, max: 4 }).filter((d) => d !== 0),
    }),
  );

  function apply(lines: string[], m: Mutation): string[] {
    const out = [...lines];
    const line = out[m.line] ?? '';
    switch (m.kind) {
      case 'delete':
        out.splice(m.line, 1);
        break;
      case 'duplicate':
        out.splice(m.line, 0, line);
        break;
      case 'swap':
        out[m.line] = out[m.other] ?? '';
        out[m.other] = line;
        break;
      case 'char': {
        const at = line.length === 0 ? 0 : m.column % line.length;
        out[m.line] = line.slice(0, at) + m.char + line.slice(at + 1);
        break;
      }
      case 'indent':
        out[m.line] = m.delta > 0 ? ' '.repeat(m.delta) + line : line.replace(new RegExp(`^ {0,${-m.delta}}`), '');
        break;
    }
    return out;
  }

  it('mutations of a valid SOP never throw and point inside the mutated file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const text = mutations.reduce(apply, minimalLines).join('\n');
        const result = load(new TextEncoder().encode(text));
        assertOutcome(result);
        assertPositionsInside(result, text);
      }),
      { numRuns: 200 },
    );
  });
});
