import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

/** Engine files (relative paths) whose code creates an AsyncLocalStorage or an async hook. */
function asyncHookUsers(files: Array<{ path: string; text: string }>): string[] {
  return files.filter((f) => /\bnew AsyncLocalStorage\b|\bcreateHook\s*\(/.test(f.text)).map((f) => f.path);
}

// Once used, an AsyncLocalStorage (or any async hook) makes every promise of the process pay for a hook
// call; the request path carries its state by connection and transaction object instead.
describe('no async hooks in the engine', () => {
  it('no engine file creates an AsyncLocalStorage or an async hook', () => {
    const engine = join(root, 'engine');
    const files = readdirSync(engine, { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('.ts'))
      .map((p) => ({ path: p, text: readFileSync(join(engine, p), 'utf8') }));
    expect(files.length).toBeGreaterThan(100);
    expect(asyncHookUsers(files)).toEqual([]);
  });

  it('probe: the check finds one', () => {
    expect(
      asyncHookUsers([
        { path: 'a.ts', text: 'const store = new AsyncLocalStorage<string>();' },
        { path: 'b.ts', text: "import { createHook } from 'node:async_hooks'; createHook({ init() {} });" },
        { path: 'c.ts', text: '// an AsyncLocalStorage would cost every promise' },
      ]),
    ).toEqual(['a.ts', 'b.ts']);
  });
});
