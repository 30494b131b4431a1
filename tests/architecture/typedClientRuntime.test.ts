import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The runtime app calls the API only through its contracts (issue 13: a typed client both apps use):
// `call(contract, …)` / `useCall(contract, …)` for JSON, `fileHref(contract, …)` for files the browser opens.
// A hand-written path or reply type would drift from the route without any test noticing.

const root = join(import.meta.dirname, '../..');

/** Ways a file can reach the API around its contracts. */
const UNTYPED_SIGNS: Record<string, RegExp> = {
  'calls api() untyped': /^import\s*\{[^}]*\bapi\b[^}]*\}\s*from\s*['"][^'"]*apiClient(?:\.ts)?['"]/m,
  'loads with useApi()': /\buseApi\s*[(<]/,
  'writes an /api path by hand': /['"`]\/api\//,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [relative(root, path)] : [];
  });
}

/** The untyped signs of a piece of code (comments are not code). */
function signsIn(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return Object.entries(UNTYPED_SIGNS)
    .filter(([, sign]) => sign.test(code))
    .map(([what]) => what);
}

describe('runtime-ui calls the API through its contracts', () => {
  it('no file under runtime-ui/src calls the API untyped or writes an API path by hand', () => {
    const files = sourceFiles(join(root, 'runtime-ui/src'));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files
      .map((file) => [file, signsIn(readFileSync(join(root, file), 'utf8'))] as const)
      .filter(([, signs]) => signs.length > 0)
      .map(([file, signs]) => `${file}: ${signs.join(', ')} — use call/useCall/fileHref with the contract`);
    expect(offenders).toEqual([]);
  });

  it('recognises each sign (the check itself can fail)', () => {
    expect(signsIn("import { api } from '../../../ui-shared/api/apiClient.ts';")).toEqual(['calls api() untyped']);
    expect(signsIn("import { ApiError, api } from '../api/apiClient.ts';")).toEqual(['calls api() untyped']);
    expect(signsIn("import { ApiError } from '../../../ui-shared/api/apiClient.ts';")).toEqual([]);
    expect(signsIn("const x = useApi<{ a: 1 }>('x');")).toEqual(['loads with useApi()']);
    expect(signsIn('<a href={`/api/documents/${id}/pdf`}>')).toEqual(['writes an /api path by hand']);
    expect(signsIn("await fetch('/api/attachments/' + id)")).toEqual(['writes an /api path by hand']);
    expect(signsIn('const kase = useCall(caseContracts.read, { params: { caseId } });')).toEqual([]);
    expect(signsIn('// was `/api/cases` before the contract')).toEqual([]);
  });
});
