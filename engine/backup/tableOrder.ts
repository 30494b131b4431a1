import type { Knex } from 'knex';
import { SKIPPED_TABLES } from './backupFormat.ts';

/**
 * The data tables of the public schema, each after the tables its foreign keys point to: the order
 * rows can be inserted in. (Self-references are fine: rows of one table go in whole statements.)
 */
export async function tablesInDependencyOrder(db: Knex): Promise<string[]> {
  const tables = (
    (await db.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as {
      rows: Array<{ tablename: string }>;
    }
  ).rows
    .map((r) => r.tablename)
    .filter((t) => !SKIPPED_TABLES.has(t));
  const edges = (
    (await db.raw(`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`)) as { rows: Array<{ child: string; parent: string }> }
  ).rows;
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>): void => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const e of edges) if (e.child === table && e.parent !== table) visit(e.parent, path);
    placed.add(table);
    ordered.push(table);
  };
  for (const t of tables) visit(t, new Set());
  return ordered.filter((t) => tables.includes(t));
}
