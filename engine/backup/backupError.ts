/** Why a backup or restore stopped; every code comes with an Indonesian message saying what to do. */
export type BackupErrorCode =
  | 'BACKUP_UNREADABLE'
  | 'BACKUP_CORRUPT'
  | 'BACKUP_NEWER'
  | 'DATABASE_NOT_EMPTY'
  | 'FOLDER_IN_USE'
  | 'SERVER_REFUSED'
  | 'NOT_CONFIGURED';

/** A backup or restore failure: a code for programs, a message (Indonesian) for people, the file concerned. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}
