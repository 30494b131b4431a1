import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** The built-ins a module replaces when imported into a fresh process. */
function replacedBy(modulePath: string): string[] {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'tests/support/builtinsReplaced.ts'), join(root, modulePath)],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(out) as string[];
}

// pdf.js's legacy build carries core-js polyfills that replace JSON.stringify, JSON.parse and
// Array.prototype.push for the whole process with slower JavaScript versions. The API server parses
// and writes JSON on every request, so the readers that need pdf.js run only in their worker thread.
describe('the API server keeps the native built-ins', () => {
  it('importing the server replaces none of them', () => {
    expect(replacedBy('engine/server/startServer.ts')).toEqual([]);
  }, 60_000);

  it('probe: the PDF reader does replace them, so the check above can fail', () => {
    expect(replacedBy('engine/importer/readers/readPdf.ts')).toEqual(
      expect.arrayContaining(['JSON.stringify', 'Array.prototype.push']),
    );
  }, 60_000);
});
