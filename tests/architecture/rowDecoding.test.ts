import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Rows are decoded into types once, at the storage edge (issue 13): a storage module hands its query's result
// to a compiled decoder (engine/storage/rowDecoder.ts) instead of casting it, so a column renamed by a migration
// fails loudly, naming the query and the column, instead of slipping through as `undefined`.

const root = join(import.meta.dirname, '../..');
const storage = join(root, 'engine/storage');

/** Ways a storage module can type a query's rows without checking them. */
const CAST_SIGNS: Record<string, RegExp> = {
  // Any awaited result but three that are not rows: the pool's connection settings, a pooled connection, knex's
  // migration list.
  'casts a query result':
    /\(await\s+(?!hosts\.|client\.acquireConnection\b)\w+\b(?!\.migrate\b)[^;]*?\)\s+as\s+(?!unknown\b|const\b)/,
  'types a query result by annotation':
    /\b(?:const|let)\s+[\w[\]{}, ]+:\s*(?!\s|unknown\s*=)[^=]+=\s*await\s+(?:db|trx|tx|knex|query|q|reader|conn)\s*[(.]/,
  'runs sqlRows without a decoder': /\bsqlRows\s*</,
  // Sql.rows (the hot path's statement runner) types its rows by a type argument: only `unknown`, then decoded.
  'types Sql.rows by a type argument': /\.rows\s*<(?!unknown>)/,
  'builds a decoder per call': /^(?!(?:export\s+)?const\s+\w+\s*=\s*rowDecoder\()(?=.*\browDecoder\()/m,
};

/** Code without comments and string contents (a column alias like `'x as y'` is not a cast). */
function codeOf(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/`(?:[^`\\]|\\.)*`/g, '``');
}

function signsIn(code: string): string[] {
  return Object.entries(CAST_SIGNS)
    .filter(([, sign]) => sign.test(code))
    .map(([what]) => what);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [relative(root, path)] : [];
  });
}

// The decoder and the statement runners are the edge: the runners hand rows on unchecked (Sql.rows as
// `unknown`, see the signs) and the decoder checks them.
const EDGE = new Set([
  'engine/storage/rowDecoder.ts',
  'engine/storage/sqlRows.ts',
  'engine/storage/sql.ts',
  'engine/storage/pgSql.ts',
]);
const modules = sourceFiles(storage).filter((f) => !EDGE.has(f));
const signsOf = new Map(modules.map((f) => [f, signsIn(codeOf(readFileSync(join(root, f), 'utf8')))] as const));

describe('rows are decoded once at the storage edge', () => {
  it('no storage module casts a query result', () => {
    expect(modules.length).toBeGreaterThan(80);
    const offenders = [...signsOf]
      .filter(([, signs]) => signs.length > 0)
      .map(([file, signs]) => `${file}: ${signs.join(', ')} — decode the rows with a rowDecoder (rowDecoder.ts)`);
    expect(offenders).toEqual([]);
  });

  it('recognises each sign (the check itself can fail)', () => {
    const probe = (code: string): string[] => signsIn(codeOf(code));
    expect(probe("const rows = (await db('users').select('id')) as Array<{ id: string }>;")).toEqual([
      'casts a query result',
    ]);
    expect(probe("return (await trx('t').where({ id }).first()) as Row | undefined;")).toEqual([
      'casts a query result',
    ]);
    expect(probe('const r = (await db.raw(`SELECT 1`, [])) as { rows: Row[] };')).toEqual(['casts a query result']);
    expect(probe('return (await published(db).select(`x`)) as Row[];')).toEqual(['casts a query result']);
    expect(probe("const rows: Array<{ id: string; n: number }> = await db('users').select('id');")).toEqual([
      'types a query result by annotation',
    ]);
    expect(probe("const rows: Row[] = await db('users').select('id');")).toEqual([
      'types a query result by annotation',
    ]);
    expect(probe('await sqlRows<Row>(db, text, [])')).toEqual(['runs sqlRows without a decoder']);
    expect(probe('const [row] = await sql.rows<Row>(text, [id]);')).toEqual(['types Sql.rows by a type argument']);
    expect(probe('const rows = userRows.rows(await sql.rows<unknown>(text, [id]));')).toEqual([]);
    expect(probe('function f() { return rowDecoder(`q`, schema).rows(x); }')).toEqual(['builds a decoder per call']);
    // What is fine: a decoded result, a column alias, a cast that claims nothing, a module-level decoder.
    expect(probe("const rows = userRows.rows(await db('users').select('d.name as sop_name'));")).toEqual([]);
    expect(probe("const n = ((await db('t').insert(x).returning('id')) as unknown[]).length;")).toEqual([]);
    expect(probe('await sqlRows(db, text, [], userRows)')).toEqual([]);
    expect(probe("const found: unknown = await db('users').first('id');")).toEqual([]);
    expect(probe("const userRows = rowDecoder('users', UserRow);")).toEqual([]);
    expect(probe('export const userRows = rowDecoder(\n  `users`,\n  UserRow,\n);')).toEqual([]);
  });
});
