import { accountRoutes } from './accounts.routes';
import { conversationRoutes } from './conversations.routes';
import { exportRoutes } from './exports.routes';
import { reportRoutes } from './reports.routes';
import { moderationRoutes } from './moderation.routes';
import { preferenceRoutes } from './preferences.routes';
import { themeRoutes } from './themes.routes';

export * from './route';

/**
 * The HTTP API in one table, assembled from one file per area. The controllers implement it, the
 * OpenAPI document is generated from it, and the web app's client reads paths from it, so the
 * three cannot drift apart.
 */
export const routes = {
  ...accountRoutes,
  ...conversationRoutes,
  ...moderationRoutes,
  ...preferenceRoutes,
  ...exportRoutes,
  ...themeRoutes,
  ...reportRoutes,
} as const;

export type RouteName = keyof typeof routes;
