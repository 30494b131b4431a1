import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { Knex } from 'knex';
import { definitionTablesMark, putServerState, serverStateOf } from '../storage/server/serverStateRows.ts';
import { folderFingerprint } from './folderFingerprint.ts';
import { syncDefinitionFolder, type SyncReport } from './syncDefinitionFolder.ts';

const STATE_KEY = 'definition-folder-sync';

interface SyncState {
  fingerprint: string;
  report: SyncReport;
}

// A stored state of another shape (written by an older build) is no state: the folder is synced again.
const storedState = TypeCompiler.Compile(
  Type.Object({ fingerprint: Type.String(), report: Type.Unsafe<SyncReport>(Type.Object({})) }),
);

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
    const stored = await serverStateOf(db, STATE_KEY);
    if (storedState.Check(stored) && stored.fingerprint === fingerprint) return { ...stored.report, skipped: true };
  }
  const report = await syncDefinitionFolder(db, root);
  if (codeVersion !== undefined) {
    const state: SyncState = {
      fingerprint: `${codeVersion}|${folderFingerprint(root)}|${await definitionTablesMark(db)}`,
      report,
    };
    await putServerState(db, STATE_KEY, state);
  }
  return { ...report, skipped: false };
}
