import { describe, expect, it } from 'vitest';
import { currentCodeEntries } from '../../bench/lib/perfMap.ts';

describe('perf map of a Node process: only the code living at each address', () => {
  it('drops an entry that newer code overlaps, keeps the rest in file order', () => {
    const map = [
      '7f0000001000 100 JS:*old /a.js:1:1',
      '7f0000002000 40 JS:*kept /b.js:2:2',
      '7f0000001080 40 JS:*new /c.js:3:3',
      '7f0000003000 10 LazyCompile:~other /d.js:4:4',
      '',
    ].join('\n');
    expect(currentCodeEntries(map)).toEqual([
      '7f0000002000 40 JS:*kept /b.js:2:2',
      '7f0000001080 40 JS:*new /c.js:3:3',
      '7f0000003000 10 LazyCompile:~other /d.js:4:4',
    ]);
  });

  it('keeps neighbours that only touch', () => {
    expect(currentCodeEntries('1000 100 JS:a\n1100 100 JS:b\n')).toEqual(['1000 100 JS:a', '1100 100 JS:b']);
  });

  it('drops every older layer under the newest code', () => {
    const map = ['1000 100 JS:a', '1000 200 JS:wider-later', '1050 10 JS:newest', '1300 10 JS:apart'].join('\n');
    expect(currentCodeEntries(map)).toEqual(['1050 10 JS:newest', '1300 10 JS:apart']);
  });
});
