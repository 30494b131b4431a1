import { backupContracts } from './backupContracts.ts';
import { calendarContracts } from './calendarContracts.ts';
import { caseContracts } from './caseContracts.ts';
import { exportContracts } from './exportContracts.ts';
import type { Contract } from './contract.ts';
import { notificationContracts } from './notificationContracts.ts';
import { systemContracts } from './systemContracts.ts';
import { taskContracts } from './taskContracts.ts';
import { catalogueContracts } from './catalogueContracts.ts';
import { attachmentContracts } from './attachmentContracts.ts';
import { outputContracts } from './outputContracts.ts';
import { publicContracts } from './publicContracts.ts';
import { archiveContracts } from './archiveContracts.ts';
import { delegationContracts } from './delegationContracts.ts';
import { auditContracts } from './auditContracts.ts';

/** Every declared API contract, by group: what the routes implement and the apps call. */
export const allContracts: Record<string, Record<string, Contract>> = {
  backup: backupContracts,
  calendar: calendarContracts,
  cases: caseContracts,
  exports: exportContracts,
  notifications: notificationContracts,
  system: systemContracts,
  audit: auditContracts,
  delegations: delegationContracts,
  archive: archiveContracts,
  public: publicContracts,
  outputs: outputContracts,
  attachments: attachmentContracts,
  catalogue: catalogueContracts,
  tasks: taskContracts,
};
