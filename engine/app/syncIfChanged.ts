import type { Knex } from 'knex';
import { folderFingerprint } from './folderFingerprint.ts';
import { syncDefinitionFolder, type SyncReport } from './syncDefinitionFolder.ts';

const STATE_KEY = 'definition-folder-sync';

interface SyncState {
  fingerprint: string;
  report: SyncReport;
}

/** What the definition tables look like now: any publish or draft since the sync changes it. */
async function definitionTablesMark(db: Knex): Promise<string> {
  const versions = (await db('definition_versions').max('id as id').first()) as { id: string | number | null };
  const definitions = (await db('definitions').max('updated_at as at').count('* as n').first()) as {
    at: Date | string | null;
    n: string | number;
  };
  const at = definitions.at instanceof Date ? definitions.at.toISOString() : String(definitions.at);
  return `${String(versions.id)}|${at}|${String(definitions.n)}`;
}

/**
 * Syncs the SOP folder unless nothing changed since the last sync: the same folder bytes, the same
 * compiled code (`codeVersion`, the server build's input hash) and no publish or draft since. Validating
 * every SOP is most of a start's time; an unchanged restart reuses the last report instead. Without a
 * code version (running from sources) it always syncs.
 */
export async function syncIfChanged(
  db: Knex,
  root: string,
  codeVersion: string | undefined,
): Promise<SyncReport & { skipped: boolean }> {
  const fingerprint =
    codeVersion === undefined
      ? undefined
      : `${codeVersion}|${folderFingerprint(root)}|${await definitionTablesMark(db)}`;
  if (fingerprint !== undefined) {
    const row = (await db('server_state').where({ key: STATE_KEY }).first()) as { value: SyncState } | undefined;
    if (row?.value.fingerprint === fingerprint) return { ...row.value.report, skipped: true };
  }
  const report = await syncDefinitionFolder(db, root);
  if (codeVersion !== undefined) {
    const state: SyncState = {
      fingerprint: `${codeVersion}|${folderFingerprint(root)}|${await definitionTablesMark(db)}`,
      report,
    };
    await db('server_state')
      .insert({ key: STATE_KEY, value: JSON.stringify(state), updated_at: db.fn.now() })
      .onConflict('key')
      .merge();
  }
  return { ...report, skipped: false };
}
