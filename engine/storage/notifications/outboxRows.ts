// A webhook batch (audience `webhook`, its event list in params.events as "seq:type") is written only when
// one of the regency's webhooks takes one of its event types: a webhook without an event list takes every
// type, the same rule the fan-out applies (engine/app/notifications/fanOutNotifications.ts `deliveriesOf`). Every other row
// is written. `regencies.webhooks` is NULL for a regency without webhooks (migration 034), so for most
// regencies this is one primary-key probe per command. Written with `@>`, not the `?` operator, because
// `?` is the statements' placeholder.
const OUTBOX_ROW_WANTED = `(n.audience <> 'webhook' OR EXISTS (
    SELECT 1 FROM regencies wr,
           jsonb_array_elements(CASE WHEN jsonb_typeof(wr.webhooks) = 'array' THEN wr.webhooks ELSE '[]'::jsonb END) w
     WHERE wr.id = n.regency_id
       AND CASE WHEN jsonb_typeof(w->'events') = 'array' AND jsonb_array_length(w->'events') > 0
                THEN EXISTS (SELECT 1 FROM jsonb_array_elements_text(n.params->'events') e
                              WHERE w->'events' @> jsonb_build_array(split_part(e, ':', 2)))
                ELSE true END))`;

/**
 * The statement that writes a command's outbox rows (the transactional outbox of issue #20), bound to one
 * JSON list of rows at its `?`; `condition`, when given, must also hold (the case save writes them only
 * if its revision check matched). Rows no one would receive are left out (see OUTBOX_ROW_WANTED).
 */
export function insertOutboxRowsSql(condition?: string): string {
  return `INSERT INTO notifications (regency_id, case_id, event_seq, kind, audience, recipient_role, recipient_user, contact, params)
  SELECT n.* FROM json_to_recordset(?::json) AS n(regency_id text, case_id text, event_seq integer, kind text, audience text, recipient_role text, recipient_user text, contact jsonb, params jsonb)
   WHERE ${condition ? `${condition} AND ` : ''}${OUTBOX_ROW_WANTED}`;
}
