import { describe, expect, it } from 'vitest';
import { accountRoutes } from './accounts.routes';
import { conversationRoutes } from './conversations.routes';
import { exportRoutes } from './exports.routes';
import { reportRoutes } from './reports.routes';
import { routes } from './index';
import { moderationRoutes } from './moderation.routes';
import { preferenceRoutes } from './preferences.routes';
import { themeRoutes } from './themes.routes';

describe('the route table', () => {
  it('keeps every area route under its own name, none shadowed by another area', () => {
    const areas = [
      accountRoutes,
      conversationRoutes,
      moderationRoutes,
      preferenceRoutes,
      exportRoutes,
      themeRoutes,
      reportRoutes,
    ];
    const total = areas.reduce((sum, area) => sum + Object.keys(area).length, 0);

    expect(Object.keys(routes)).toHaveLength(total);
  });

  it('never gives two routes the same method and path', () => {
    const keys = Object.values(routes).map((route) => `${route.method} ${route.path}`);

    expect(new Set(keys).size).toBe(keys.length);
  });
});
