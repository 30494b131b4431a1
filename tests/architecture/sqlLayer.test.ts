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
  'writes raw SQL': /\.(?:raw|whereRaw|orWhereRaw|joinRaw|orderByRaw|havingRaw|groupByRaw|selectRaw)\s*[(<]/,
  'holds SQL text': /['"`]\s*(?:SELECT|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM|WITH\s+\w+\s+AS)\b/,
  'runs SQL text through sqlRows': /\bsqlRows\s*[(<]/,
};

/**
 * Files that still write SQL outside engine/storage. This list may only shrink: a new file with SQL
 * fails below, and so does a listed file that no longer has any (take it off the list).
 */
const NOT_YET_MOVED: readonly string[] = [
  'engine/app/letters/letterDrafts.ts',
  'engine/app/letters/signLetter.ts',
  'engine/app/letters/signerAuthority.ts',
  'engine/app/monitoring/caseLinks.ts',
  'engine/app/monitoring/complaintsPerService.ts',
  'engine/app/monitoring/exports/registerTable.ts',
  'engine/app/monitoring/openedClosedPerPeriod.ts',
  'engine/app/monitoring/overdueTasks.ts',
  'engine/app/monitoring/rejectionReasons.ts',
  'engine/app/monitoring/satisfaction/satisfactionByService.ts',
  'engine/app/monitoring/satisfaction/surveyService.ts',
  'engine/app/monitoring/sendBacks.ts',
  'engine/app/monitoring/stepDurations.ts',
  'engine/app/notifications/deliverNotifications.ts',
  'engine/app/notifications/fanOutNotifications.ts',
  'engine/app/notifications/scheduledNotifications.ts',
  'engine/app/outputs/issueDocument.ts',
  'engine/app/outputs/publicStandards.ts',
  'engine/api/createApp.ts',
  'engine/api/routes/healthRoutes.ts',
];

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
  it('no file under engine/app or engine/api writes SQL unless it is on the shrinking list', () => {
    const offenders = [...withSql]
      .filter(([file, signs]) => signs.length > 0 && !NOT_YET_MOVED.includes(file))
      .map(([file, signs]) => `${file}: ${signs.join(', ')} — move the query to engine/storage and call it`);
    expect(offenders).toEqual([]);
  });

  it('the list names only files that still write SQL (take moved ones off)', () => {
    const stale = NOT_YET_MOVED.filter((file) => (withSql.get(file) ?? []).length === 0);
    expect(stale).toEqual([]);
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
    expect(probe('const text = `SELECT 1`;')).toEqual(['holds SQL text']);
    expect(probe('await sqlRows<Row>(db, text, [])')).toEqual(['runs SQL text through sqlRows']);
    expect(probe('await loadCase(db, regencyId, caseId)')).toEqual([]);
  });
});
