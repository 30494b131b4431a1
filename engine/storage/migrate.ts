import type { Knex } from 'knex';
import * as m001 from '../../migrations/001_initial.ts';
import * as m002 from '../../migrations/002_security.ts';
import * as m003 from '../../migrations/003_monitoring.ts';
import * as m004 from '../../migrations/004_outputs.ts';
import * as m005 from '../../migrations/005_designer.ts';
import * as m006 from '../../migrations/006_inbox_indexes.ts';
import * as m007 from '../../migrations/007_register_indexes.ts';
import * as m008 from '../../migrations/008_definition_confidential.ts';
import * as m014 from '../../migrations/014_server_state.ts';
import * as m015 from '../../migrations/015_calendar_changes.ts';
import * as m016a from '../../migrations/016_a_accounts.ts';
import * as m019 from '../../migrations/019_idempotency_keys.ts';
import * as m020 from '../../migrations/020_notifications.ts';
import * as m023 from '../../migrations/023_regency_settings.ts';
import * as m021 from '../../migrations/021_tamper_proof_trail.ts';
import * as m025 from '../../migrations/025_delegation_end.ts';
import * as m022 from '../../migrations/022_sso.ts';
import * as m026 from '../../migrations/026_letter_signing.ts';
import * as m030 from '../../migrations/030_scheduled_runs.ts';
import * as m029 from '../../migrations/029_source_documents.ts';
import * as m031 from '../../migrations/031_regency_logos.ts';
import * as m032 from '../../migrations/032_case_save_check.ts';
import * as m033 from '../../migrations/033_case_row_room.ts';
import * as m034 from '../../migrations/034_regency_webhooks.ts';

type Migration = { up: (knex: Knex) => Promise<void>; down: (knex: Knex) => Promise<void> };

/** The migrations in order; listed explicitly so they run the same under tsx, vitest and bundlers. */
const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_security': m002,
  '003_monitoring': m003,
  '004_outputs': m004,
  '005_designer': m005,
  '006_inbox_indexes': m006,
  '007_register_indexes': m007,
  '008_definition_confidential': m008,
  '014_server_state': m014,
  '015_calendar_changes': m015,
  '016_a_accounts': m016a,
  '019_idempotency_keys': m019,
  '020_notifications': m020,
  '023_regency_settings': m023,
  '021_tamper_proof_trail': m021,
  '025_delegation_end': m025,
  '022_sso': m022,
  '026_letter_signing': m026,
  '030_scheduled_runs': m030,
  '029_source_documents': m029,
  '031_regency_logos': m031,
  '032_case_save_check': m032,
  '033_case_row_room': m033,
  '034_regency_webhooks': m034,
};

const source: Knex.MigrationSource<string> = {
  getMigrations: () => Promise.resolve(Object.keys(migrations).sort()),
  getMigrationName: (name) => name,
  getMigration: (name) => Promise.resolve(migrations[name]!),
};

/** Brings the database schema up to date (idempotent; knex's lock table keeps concurrent starts safe). */
export async function migrateToLatest(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource: source });
}

/** Migrations not yet applied (reads knex's bookkeeping table only; a runtime login may do this). */
export async function pendingMigrations(db: Knex): Promise<string[]> {
  const [, pending] = (await db.migrate.list({ migrationSource: source })) as [
    unknown[],
    Array<string | { file: string }>,
  ];
  return pending.map((m) => (typeof m === 'string' ? m : m.file));
}

/** Names of every migration this code knows, in order (a backup from newer code has names outside it). */
export function knownMigrations(): string[] {
  return Object.keys(migrations).sort();
}
