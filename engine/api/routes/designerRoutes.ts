import type { RouteSpec } from '../routeSpec.ts';
import { designerMigrationRoutes } from './designerMigrationRoutes.ts';
import { designerPackRoutes } from './designerPackRoutes.ts';
import { designerReviewRoutes } from './designerReviewRoutes.ts';
import { designerSopRoutes } from './designerSopRoutes.ts';

/** The SOP designer: list, create, save drafts, review and publish, history and diff, case moves, packs. */
export const designerRoutes: RouteSpec[] = [
  ...designerSopRoutes,
  ...designerReviewRoutes,
  ...designerMigrationRoutes,
  ...designerPackRoutes,
];
