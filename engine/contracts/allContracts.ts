import { accountContracts } from './accountContracts.ts';
import { authContracts } from './authContracts.ts';
import { backupContracts } from './backupContracts.ts';
import { calendarContracts } from './calendarContracts.ts';
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
import { regencySettingsContracts } from './regencySettingsContracts.ts';
import { ssoContracts } from './ssoContracts.ts';
import { systemContracts } from './systemContracts.ts';

/** Every declared API contract, by group: what the routes implement and the apps call. */
export const allContracts: Record<string, Record<string, Contract>> = {
  accounts: accountContracts,
  auth: authContracts,
  backup: backupContracts,
  calendar: calendarContracts,
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
  regencySettings: regencySettingsContracts,
  sso: ssoContracts,
  system: systemContracts,
};
