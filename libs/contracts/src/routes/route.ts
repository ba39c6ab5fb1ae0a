import type { z } from 'zod';
import type { Role } from '../accounts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, any signed-in person, or holders of one of the listed roles. */
export type Access = 'public' | 'signed-in' | 'confirmed' | readonly Role[];

export interface RouteDefinition {
  method: HttpMethod;
  /** Express-style path under /api, e.g. `/api/admin/users/:id/roles`. */
  path: string;
  tag: string;
  summary: string;
  access: Access;
  status: number;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
}

export function route<T extends RouteDefinition>(definition: T): T {
  return definition;
}
