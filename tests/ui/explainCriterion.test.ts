import { describe, expect, it } from 'vitest';
import { humanizeExplanation, explainCriterion } from '../../runtime-ui/src/components/explainCriterion.ts';
import id from '../../ui-shared/i18n/id.json' with { type: 'json' };

const t = (key: string): string =>
  key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], id) as string;
const titles = new Map([
  ['dtsenFound', 'Terdaftar di DTSEN'],
  ['age', 'Usia'],
]);

describe('rule explanations in plain Indonesian (issue 17 item 9)', () => {
  it('a stored explanation gets the field title and ya/tidak instead of the fact id and true/false', () => {
    expect(humanizeExplanation('dtsenFound sama dengan true: tidak terpenuhi (nilai false)', titles, t)).toBe(
      'Terdaftar di DTSEN sama dengan ya: tidak terpenuhi (isian: tidak)',
    );
    expect(humanizeExplanation('age sedikitnya 60: terpenuhi (nilai 67)', titles, t)).toBe(
      'Usia sedikitnya 60: terpenuhi (isian: 67)',
    );
    // A label written in the SOP stays as it is.
    expect(humanizeExplanation('Kabid Rehsos menyetujui: terpenuhi (nilai true)', titles, t)).toBe(
      'Kabid Rehsos menyetujui: terpenuhi (isian: ya)',
    );
  });

  it('a structured outcome reads the same way, empty values as "kosong"', () => {
    const text = explainCriterion(
      {
        fact: 'dtsenFound',
        operator: 'equal',
        expected: true,
        actual: undefined,
        passed: false,
        explanation: 'dtsenFound sama dengan true: tidak terpenuhi (nilai kosong)',
      },
      titles,
      t,
    );
    expect(text).toBe('Terdaftar di DTSEN sama dengan ya: tidak terpenuhi (isian: kosong)');
    expect(text).not.toMatch(/true|false|dtsenFound|nilai/);
  });
});
