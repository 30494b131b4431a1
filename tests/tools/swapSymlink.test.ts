import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { swapSymlink } from '../../tools/swapSymlink.ts';

function buildFolder(root: string, name: string, text: string): void {
  mkdirSync(join(root, 'ui-builds', name), { recursive: true });
  writeFileSync(join(root, 'ui-builds', name, 'index.html'), text);
}

describe('swapSymlink: a new UI build replaces the old one in one step', () => {
  it('readers see the old build, then the new one, never an empty folder; a pinned reader keeps its build', () => {
    const root = mkdtempSync(join(tmpdir(), 'issue-14-swap-'));
    buildFolder(root, 'one', 'first');
    buildFolder(root, 'two', 'second');
    const link = join(root, 'ui');
    swapSymlink(link, 'ui-builds/one');
    const pinned = realpathSync(link);
    expect(readFileSync(join(link, 'index.html'), 'utf8')).toBe('first');
    swapSymlink(link, 'ui-builds/two');
    expect(readFileSync(join(link, 'index.html'), 'utf8')).toBe('second');
    // A running server resolved the link at start and still serves its complete build.
    expect(readFileSync(join(pinned, 'index.html'), 'utf8')).toBe('first');
  });
  it('moves a plain folder of the older layout aside', () => {
    const root = mkdtempSync(join(tmpdir(), 'issue-14-swap-'));
    buildFolder(root, 'one', 'new');
    mkdirSync(join(root, 'ui'));
    writeFileSync(join(root, 'ui', 'index.html'), 'old');
    swapSymlink(join(root, 'ui'), 'ui-builds/one');
    expect(readFileSync(join(root, 'ui', 'index.html'), 'utf8')).toBe('new');
  });
});
