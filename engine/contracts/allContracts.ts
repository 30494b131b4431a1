import { backupContracts } from './backupContracts.ts';
import { calendarContracts } from './calendarContracts.ts';
import { exportContracts } from './exportContracts.ts';
import type { Contract } from './contract.ts';
import { notificationContracts } from './notificationContracts.ts';
import { sourceDocumentContracts } from './sourceDocumentContracts.ts';
import { systemContracts } from './systemContracts.ts';

/** Every declared API contract, by group: what the routes implement and the apps call. */
export const allContracts: Record<string, Record<string, Contract>> = {
  backup: backupContracts,
  calendar: calendarContracts,
  exports: exportContracts,
  notifications: notificationContracts,
  sourceDocuments: sourceDocumentContracts,
  system: systemContracts,
};
