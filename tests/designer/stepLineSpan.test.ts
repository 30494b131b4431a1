import { describe, expect, it } from 'vitest';
import { stepLineSpan } from '../../designer/src/pages/stepLineSpan.ts';

describe('stepLineSpan: the source lines of one imported step row', () => {
  const steps = [
    { id: 'a', provenance: { page: 1, line: 10 } },
    { id: 'b', provenance: { page: 1, line: 17 } },
    { id: 'c', provenance: { page: 2, line: 3 } },
    { id: 'd' },
    { id: 'e', provenance: { page: 2, line: 40 } },
  ];

  it('runs from the step line to the line before the next row on the same page', () => {
    expect(stepLineSpan(steps, 'a')).toEqual({ page: 1, first: 10, last: 16 });
  });

  it('takes three lines when no later row was read on that page', () => {
    expect(stepLineSpan(steps, 'b')).toEqual({ page: 1, first: 17, last: 19 });
  });

  it('caps a span whose next row is far away (a row the reader missed in between)', () => {
    expect(stepLineSpan(steps, 'c')).toEqual({ page: 2, first: 3, last: 17 });
  });

  it('has no span for a step without a source line', () => {
    expect(stepLineSpan(steps, 'd')).toBeUndefined();
    expect(stepLineSpan(steps, 'zz')).toBeUndefined();
  });
});
