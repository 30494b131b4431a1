import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 13: every route is declared once as a contract (engine/contracts), and the browser apps call it through
// `call(contract, …)` / `useCall(contract, …)` (ui-shared/api), typed from that declaration. Neither app nor the
// shared components and session may fall back to the untyped client or write an API URL by hand: a reply
// type written next to such a call drifts from what the server answers. Downloads and links take their URL
// from the contract too (`fileHref(contract, …)`, `urlOf(contract, params)`).

const root = join(import.meta.dirname, '../..');

/** Ways a file can reach the API without its contract. */
const UNTYPED_SIGNS: Record<string, RegExp> = {
  'imports the untyped api()': /^import\s*\{[^}]*\bapi\b[^}]*\}\s*from\s*['"][^'"]*\/apiClient(?:\.ts)?['"]/m,
  'uses useApi<T>(path)': /\buseApi\s*[<(]|\{[^}]*\buseApi\b[^}]*\}\s*from/,
  'fetches an API path': /\bfetch\s*\(\s*['"`]\/api\//,
  'writes an API URL by hand': /['"`]\/api\//,
};

/** The directories whose files must call the API by contract: both apps and what they share. */
const CHECKED_DIRS = ['runtime-ui/src', 'designer/src', 'ui-shared'];
/** The typed client itself is built on the untyped request. */
const CLIENT_DIR = 'ui-shared/api/';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [relative(root, path)] : [];
  });
}

/** What a piece of code does that bypasses the contracts (comments are not code). */
function signsIn(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return Object.entries(UNTYPED_SIGNS)
    .filter(([, sign]) => sign.test(code))
    .map(([what]) => what);
}

const files = CHECKED_DIRS.flatMap((dir) => sourceFiles(join(root, dir))).filter((f) => !f.startsWith(CLIENT_DIR));

describe('both apps and the shared components call the API by contract', () => {
  it('finds the files it checks', () => {
    expect(files).toContain('runtime-ui/src/pages/TaskPage.tsx');
    expect(files).toContain('designer/src/pages/EditorPage.tsx');
    expect(files).toContain('ui-shared/components/StepForm.tsx');
    expect(files).toContain('ui-shared/session/SessionContext.tsx');
    expect(files.some((f) => f.startsWith(CLIENT_DIR))).toBe(false);
  });

  it('no file uses the untyped client or a hand-written API URL', () => {
    const offenders = files
      .map((file) => [file, signsIn(readFileSync(join(root, file), 'utf8'))] as const)
      .filter(([, signs]) => signs.length > 0)
      .map(([file, signs]) => `${file}: ${signs.join(', ')} — use call/useCall (or urlOf) with its contract`);
    expect(offenders).toEqual([]);
  });

  it('recognises each sign (the check itself can fail)', () => {
    expect(signsIn("import { api } from '../../../ui-shared/api/apiClient.ts';")).toEqual([
      'imports the untyped api()',
    ]);
    expect(signsIn("import { api, ApiError } from '../api/apiClient.ts';")).toEqual(['imports the untyped api()']);
    expect(signsIn('const copy = useApi<Copy>(`${base}/copy`);')).toEqual(['uses useApi<T>(path)']);
    expect(signsIn("await fetch('/api/designer/sops');")).toEqual(['fetches an API path', 'writes an API URL by hand']);
    expect(signsIn('<a href={`/api/designer/documents/${id}/file`} download>')).toEqual(['writes an API URL by hand']);
    expect(signsIn("import { ApiError } from '../api/apiClient.ts';")).toEqual([]);
    expect(signsIn("import { useApi, useCall } from '../api/useCall.ts';")).toEqual(['uses useApi<T>(path)']);
    expect(signsIn("import { useCall } from '../api/useCall.ts';")).toEqual([]);
    expect(signsIn('const copy = useCall(designerSopContracts.workingCopy, { params: { sopId } });')).toEqual([]);
    expect(signsIn('<a href={urlOf(designerPackContracts.export)} download>')).toEqual([]);
    expect(signsIn("fetch(window.location.pathname, { method: 'HEAD' })")).toEqual([]);
    expect(signsIn('// GET /api/designer/regency, once')).toEqual([]);
  });
});
