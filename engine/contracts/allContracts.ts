import { accountContracts } from './accountContracts.ts';
import { authContracts } from './authContracts.ts';
import { backupContracts } from './backupContracts.ts';
import { calendarContracts } from './calendarContracts.ts';
import { caseContracts } from './caseContracts.ts';
import { definitionContracts } from './definitionContracts.ts';
import {
  designerMigrationContracts,
  designerPackContracts,
  designerReviewContracts,
  designerSopContracts,
} from './designerContracts.ts';
import { exportContracts } from './exportContracts.ts';
import { complaintContracts, monitoringContracts } from './monitoringContracts.ts';
import type { Contract } from './contract.ts';
import { notificationContracts } from './notificationContracts.ts';
import { regencyContracts } from './regencyContracts.ts';
import { regencyLogoContracts } from './regencyLogoContracts.ts';
import { regencySettingsContracts } from './regencySettingsContracts.ts';
import { ssoContracts } from './ssoContracts.ts';
import { sourceDocumentContracts } from './sourceDocumentContracts.ts';
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
  accounts: accountContracts,
  auth: authContracts,
  backup: backupContracts,
  calendar: calendarContracts,
  cases: caseContracts,
  complaints: complaintContracts,
  definitions: definitionContracts,
  designerSops: designerSopContracts,
  designerReview: designerReviewContracts,
  designerMigration: designerMigrationContracts,
  designerPacks: designerPackContracts,
  exports: exportContracts,
  monitoring: monitoringContracts,
  notifications: notificationContracts,
  regencies: regencyContracts,
  regencyLogo: regencyLogoContracts,
  regencySettings: regencySettingsContracts,
  sso: ssoContracts,
  sourceDocuments: sourceDocumentContracts,
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
