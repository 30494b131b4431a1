import { describe, expect, it } from 'vitest';
import { diagnosticRange } from '../../designer/src/editor/diagnosticRange.ts';
import { keysAt, infoAt, valuesAt } from '../../designer/src/editor/schemaLookup.ts';
import { yamlContextAt } from '../../designer/src/editor/yamlContext.ts';
import { SOP_SCHEMA } from '../../designer/src/schema/sopSchema.ts';

const TEXT = `id: a
steps:
  - id: s1
    actor: x
    decision:
      branches:
        - label: Ya
          go
  - id: s2
    en`;

describe('editor helpers', () => {
  it('finds the path at the cursor from indentation, even in half-typed text', () => {
    expect(yamlContextAt(TEXT, TEXT.indexOf('go') + 2)).toEqual({
      path: ['steps', '*', 'decision', 'branches', '*'],
      atKey: true,
      key: '',
      prefix: 'go',
    });
    expect(yamlContextAt(TEXT, TEXT.length)).toEqual({ path: ['steps', '*'], atKey: true, key: '', prefix: 'en' });
    expect(yamlContextAt(TEXT, TEXT.indexOf('actor: x') + 8)).toEqual({
      path: ['steps', '*'],
      atKey: false,
      key: 'actor',
      prefix: 'x',
    });
    expect(yamlContextAt('na', 2)).toEqual({ path: [], atKey: true, key: '', prefix: 'na' });
  });

  it('offers the keys, values and help the SOP schema defines', () => {
    expect(keysAt(SOP_SCHEMA, ['steps', '*']).map((k) => k.key)).toEqual(
      expect.arrayContaining(['activity', 'actor', 'requirements', 'time', 'output', 'decision', 'end']),
    );
    expect(keysAt(SOP_SCHEMA, ['steps', '*', 'decision', 'branches', '*']).map((k) => k.key)).toEqual([
      'label',
      'when',
      'otherwise',
      'goto',
    ]);
    expect(keysAt(SOP_SCHEMA, []).find((k) => k.key === 'legalBasis')?.title).toBe('Dasar Hukum');
    expect(valuesAt(SOP_SCHEMA, ['steps', '*', 'end'])).toEqual(['selesai', 'ditolak', 'dirujuk']);
    expect(infoAt(SOP_SCHEMA, ['steps', '*', 'time'])?.description).toContain('hari kerja');
  });

  it('underlines the word an error points at', () => {
    const text = 'a: 1\nactor: kadiss\n';
    expect(diagnosticRange(text, 2, 8)).toEqual({ from: 12, to: 18 });
    expect(diagnosticRange(text, 0, 0)).toEqual({ from: 0, to: 4 });
    expect(diagnosticRange(text, 9, 1)).toEqual({ from: text.length, to: text.length });
  });
});
