import type { Knex } from 'knex';
import { isolateByRegency } from './rowLevelSecurity.ts';

/**
 * Notifications (issue #20): a transactional outbox. `notifications` rows are written by the same
 * statement that saves the case events causing them; a background job fans each one out into
 * `notification_deliveries` (one row per channel and address, unique, so nothing is sent twice) and
 * delivers them with retries and backoff; rows that never get through end as `dead` for the admin.
 * `notification_reads` keeps which staff member has read an in-app notification.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notifications', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    t.text('case_id');
    /** The case event (sequence number) that caused it, when any. */
    t.integer('event_seq');
    /** case.opened, case.sentBack, task.assigned, … (see engine/notifications/notificationKinds.ts) */
    t.text('kind').notNullable();
    /** applicant, staff, webhook */
    t.text('audience').notNullable();
    t.text('recipient_role');
    t.text('recipient_user');
    /** Applicant contact chosen with consent: { channel, address }; never shown in lists. */
    t.jsonb('contact');
    /** Values for the template; never NIK, KK or health data. */
    t.jsonb('params').notNullable();
    /** Scheduled notifications (due tomorrow, digests, delegations) are written once per key. */
    t.text('dedupe_key');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('fanned_out_at', { useTz: true });
    t.unique(['regency_id', 'dedupe_key']);
    t.index(['regency_id', 'audience', 'created_at']);
  });
  await knex.raw(`CREATE INDEX notifications_pending_idx ON notifications (id) WHERE fanned_out_at IS NULL`);
  await knex.schema.createTable('notification_deliveries', (t) => {
    t.bigIncrements('id');
    t.bigInteger('notification_id').notNullable().references('notifications.id');
    t.text('regency_id').notNullable();
    /** email, whatsapp, sms, webhook */
    t.text('channel').notNullable();
    /** E-mail address, phone number or webhook id. */
    t.text('address').notNullable();
    /** pending, sent, dead */
    t.text('status').notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true }).notNullable();
    t.timestamp('locked_until', { useTz: true });
    t.text('locked_by');
    t.text('last_error');
    t.text('provider_id');
    t.timestamp('sent_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['notification_id', 'channel', 'address']);
    t.index(['regency_id', 'status', 'created_at']);
  });
  await knex.raw(
    `CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at) WHERE status = 'pending'`,
  );
  await knex.schema.createTable('notification_reads', (t) => {
    t.bigInteger('notification_id').notNullable().references('notifications.id');
    t.text('user_id').notNullable();
    t.text('regency_id').notNullable();
    t.timestamp('read_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['notification_id', 'user_id']);
  });
  for (const table of ['notifications', 'notification_deliveries', 'notification_reads'])
    await isolateByRegency(knex, table);
}

/** Drops the notification tables (development only). */
export async function down(knex: Knex): Promise<void> {
  for (const table of ['notification_reads', 'notification_deliveries', 'notifications'])
    await knex.schema.dropTableIfExists(table);
}
