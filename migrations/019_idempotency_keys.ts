import type { Knex } from 'knex';
import { isolateByRegency } from './rowLevelSecurity.ts';

/**
 * Safe retries: the first answer to a POST that carried an `Idempotency-Key` header, kept 24 hours per
 * user (or per public tracking code), so a retried request returns it instead of creating twice. The
 * answers hold personal data (an opened case), so the table is isolated by regency like case data.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('idempotency_keys', (t) => {
    t.text('regency_id').notNullable();
    t.text('owner').notNullable();
    t.text('key').notNullable();
    t.text('route').notNullable();
    t.text('request_hash').notNullable();
    t.integer('status');
    t.jsonb('body');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['owner', 'key']);
    t.index(['created_at']);
  });
  await isolateByRegency(knex, 'idempotency_keys');
}

/** Drops the table (retries then create again, as before). */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('idempotency_keys');
}
