import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Queries live in engine/storage (issue 13: SQL in one layer): routes call services, services call storage,
// and rows are decoded into types once at that edge. Services may hold the connection handle (a `Knex` type,
// a transaction) and pass it on; they may not build queries with it or write SQL.

const root = join(import.meta.dirname, '../..');

/** Ways a file can write SQL or build a query: each is a sign the query belongs in engine/storage. */
const SQL_SIGNS: Record<string, RegExp> = {
  'imports the knex runtime': /^import\s+(?!type\b)[^;]*from\s+['"]knex['"]/m,
  'builds a query on a table': /\b(?:db|trx|tx|knex|database|reader|conn)\s*\(\s*['"`]/,
  // express.raw is the raw-body parser, not SQL.
  'writes raw SQL':
    /(?<!\bexpress)\.(?:raw|whereRaw|orWhereRaw|joinRaw|orderByRaw|havingRaw|groupByRaw|selectRaw)\s*[(<]/,
  'holds SQL text': /['"`]\s*(?:SELECT|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM|WITH\s+\w+\s+AS)\b/,
  'runs SQL text through sqlRows': /\bsqlRows\s*[(<]/,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [relative(root, path)] : [];
  });
}

/** The SQL signs of one file (comments are not code). */
function signsOf(file: string): string[] {
  const code = readFileSync(join(root, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  return Object.entries(SQL_SIGNS)
    .filter(([, sign]) => sign.test(code))
    .map(([what]) => what);
}

const withSql = new Map(
  ['engine/app', 'engine/api'].flatMap((dir) => sourceFiles(join(root, dir))).map((f) => [f, signsOf(f)] as const),
);

describe('SQL lives in engine/storage', () => {
  it('no file under engine/app or engine/api writes SQL (all 81 that did have moved to engine/storage)', () => {
    expect(withSql.size).toBeGreaterThan(100);
    const offenders = [...withSql]
      .filter(([, signs]) => signs.length > 0)
      .map(([file, signs]) => `${file}: ${signs.join(', ')} — move the query to engine/storage and call it`);
    expect(offenders).toEqual([]);
  });

  it('recognises each sign (the check itself can fail)', () => {
    const probe = (code: string): string[] =>
      Object.entries(SQL_SIGNS)
        .filter(([, sign]) => sign.test(code))
        .map(([what]) => what);
    expect(probe("import knex from 'knex';")).toEqual(['imports the knex runtime']);
    expect(probe("import type { Knex } from 'knex';")).toEqual([]);
    expect(probe("await db('cases').where({ id })")).toEqual(['builds a query on a table']);
    expect(probe('q.whereRaw(`c.id = x.case_id`)')).toEqual(['writes raw SQL']);
    expect(probe('db.raw(`SELECT 1`)')).toContain('writes raw SQL');
    expect(probe('express.raw({ type: () => true })')).toEqual([]);
    expect(probe('const text = `SELECT 1`;')).toEqual(['holds SQL text']);
    expect(probe('await sqlRows<Row>(db, text, [])')).toEqual(['runs SQL text through sqlRows']);
    expect(probe('await loadCase(db, regencyId, caseId)')).toEqual([]);
  });
});
