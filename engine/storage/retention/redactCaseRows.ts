import type { Knex } from 'knex';

/** Placeholder left where a generated letter's text was. */
const REDACTED_LETTER =
  '[Isi dokumen dihapus: masa retensi data pribadi telah berakhir. Nomor, tanggal dan penanda tangan tetap tercatat.]';

/**
 * Removes a case's personal data outside its state, in the caller's transaction: the applicant columns,
 * earlier event payloads (alur_redact_case_events), scans, letter texts, survey comments and addresses.
 */
export async function redactCaseRows(trx: Knex.Transaction, caseId: string, now: Date): Promise<void> {
  await trx('cases').where({ id: caseId }).update({ anonymised_at: now, applicant_name: null, applicant_nik: null });
  // The job role may not update events; the one SECURITY DEFINER function redacts them (migration 021).
  await trx.raw('SELECT alur_redact_case_events(?) AS redacted', [caseId]);
  await trx('attachments')
    .where({ case_id: caseId })
    .whereNull('purged_at')
    .update({ content: Buffer.alloc(0), sha256: '', file_name: 'dihapus', purged_at: now });
  // The signed PDF, its frozen values and the recipient's name go too; number, signer and hash stay verifiable.
  await trx('issued_documents')
    .where({ case_id: caseId })
    .update({ body: REDACTED_LETTER, values: null, recipient: null, pdf: null });
  await trx('letter_drafts')
    .where({ case_id: caseId })
    .update({ values: JSON.stringify({}) });
  await trx('survey_responses').where({ case_id: caseId }).update({ comment: null });
  // The applicant's e-mail or phone number, kept for notifications, goes too (UU PDP: no longer needed).
  await trx('notifications').where({ case_id: caseId }).update({ contact: null });
  await trx.raw(
    `UPDATE notification_deliveries SET address = '[dihapus]' WHERE channel IN ('email', 'whatsapp', 'sms') AND notification_id IN (SELECT id FROM notifications WHERE case_id = ?)`,
    [caseId],
  );
}
