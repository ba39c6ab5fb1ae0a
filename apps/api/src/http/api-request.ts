import type { User } from '@razgovor/core';
import type { Request } from 'express';

export interface ApiRequest extends Request {
  requestId: string;
  cookies: Record<string, string>;
  user?: User;
  sessionToken?: string;
}

export const sessionCookie = 'rz_session';
export const csrfCookie = 'rz_csrf';
export const csrfHeader = 'x-csrf-token';

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      // A cookie we cannot decode is not one of ours.
    }
  }

  return cookies;
}
