import { describe, expect, it } from 'vitest';
import { topLevelKeyPosition } from '../../engine/definition/topLevelKeyPosition.ts';

describe('topLevelKeyPosition', () => {
  it('finds a top-level key after comments, quoted or not, and ignores nested keys', () => {
    expect(topLevelKeyPosition('# kepala\nname: X\nid: bantuan\n', 'id')).toEqual({ line: 3, column: 5 });
    expect(topLevelKeyPosition('steps:\n  - id: a\n"id":  b\n', 'id')).toEqual({ line: 3, column: 8 });
    expect(topLevelKeyPosition('name: X\r\nid: y', 'id')).toEqual({ line: 2, column: 5 });
  });

  it('falls back to the start of the file', () =>
    expect(topLevelKeyPosition('steps: []', 'id')).toEqual({ line: 1, column: 1 }));
});
