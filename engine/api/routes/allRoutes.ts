import type { RouteSpec } from '../routeSpec.ts';
import { accountRoutes } from './accountRoutes.ts';
import { archiveRoutes } from './archiveRoutes.ts';
import { attachmentRoutes } from './attachmentRoutes.ts';
import { auditRoutes } from './auditRoutes.ts';
import { calendarRoutes } from './calendarRoutes.ts';
import { authRoutes } from './authRoutes.ts';
import { caseRoutes } from './caseRoutes.ts';
import { caseDataRoutes } from './caseDataRoutes.ts';
import { backupRoutes } from './backupRoutes.ts';
import { catalogueRoutes } from './catalogueRoutes.ts';
import { definitionRoutes } from './definitionRoutes.ts';
import { delegationRoutes } from './delegationRoutes.ts';
import { designerRoutes } from './designerRoutes.ts';
import { exportRoutes } from './exportRoutes.ts';
import { healthRoutes } from './healthRoutes.ts';
import { monitoringRoutes } from './monitoringRoutes.ts';
import { notificationRoutes } from './notificationRoutes.ts';
import { letterRoutes } from './letterRoutes.ts';
import { outputRoutes } from './outputRoutes.ts';
import { publicRoutes } from './publicRoutes.ts';
import { regencyRoutes } from './regencyRoutes.ts';
import { regencySettingsRoutes } from './regencySettingsRoutes.ts';
import { sourceDocumentRoutes } from './sourceDocumentRoutes.ts';
import { regencyLogoRoutes } from './regencyLogoRoutes.ts';
import { ssoRoutes } from './ssoRoutes.ts';
import { taskRoutes } from './taskRoutes.ts';

/** Every API route, in one list: the server, the permission checks and /api/openapi.json all read it. */
export function allRoutes(secureCookies: () => boolean = () => false): RouteSpec[] {
  return [
    ...healthRoutes,
    ...authRoutes(secureCookies),
    ...ssoRoutes(secureCookies),
    ...accountRoutes,
    ...regencyRoutes,
    ...definitionRoutes,
    ...caseRoutes,
    ...caseDataRoutes,
    ...taskRoutes,
    ...attachmentRoutes,
    ...delegationRoutes,
    ...notificationRoutes,
    ...catalogueRoutes,
    ...outputRoutes,
    ...letterRoutes,
    ...publicRoutes,
    ...archiveRoutes,
    ...auditRoutes,
    ...calendarRoutes,
    ...exportRoutes,
    ...monitoringRoutes(),
    ...designerRoutes,
    ...sourceDocumentRoutes,
    ...regencyLogoRoutes,
    ...regencySettingsRoutes,
    ...backupRoutes,
  ];
}
