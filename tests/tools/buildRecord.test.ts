import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashInputs, isCurrent, recordOf, writeRecord } from '../../tools/buildRecord.ts';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'issue-14-build-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/a.ts'), 'export const a = 1;');
  writeFileSync(join(root, 'package-lock.json'), '{}');
  return root;
}

describe('build record: rebuild only when an input changed', () => {
  it('an unchanged project is current', () => {
    const root = project();
    writeRecord(join(root, 'record.json'), recordOf(root, ['src/a.ts']));
    expect(isCurrent(root, join(root, 'record.json'))).toBe(true);
  });
  it('an edited source, a changed lock file or a deleted input makes it stale', () => {
    const root = project();
    const record = join(root, 'record.json');
    writeRecord(record, recordOf(root, ['src/a.ts']));
    writeFileSync(join(root, 'src/a.ts'), 'export const a = 2;');
    expect(isCurrent(root, record)).toBe(false);
    writeRecord(record, recordOf(root, ['src/a.ts']));
    writeFileSync(join(root, 'package-lock.json'), '{"v":2}');
    expect(isCurrent(root, record)).toBe(false);
    writeRecord(record, recordOf(root, ['src/a.ts']));
    rmSync(join(root, 'src/a.ts'));
    expect(isCurrent(root, record)).toBe(false);
  });
  it('a missing or unreadable record means build', () => {
    const root = project();
    expect(isCurrent(root, join(root, 'none.json'))).toBe(false);
    writeFileSync(join(root, 'bad.json'), '{');
    expect(isCurrent(root, join(root, 'bad.json'))).toBe(false);
  });
  it('the hash depends on names as well as bytes', () => {
    const root = project();
    writeFileSync(join(root, 'src/b.ts'), 'export const a = 1;');
    expect(hashInputs(root, ['src/a.ts'])).not.toBe(hashInputs(root, ['src/b.ts']));
  });
});
