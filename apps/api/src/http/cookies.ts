import type { AppConfig } from '@razgovor/core';
import type { CookieOptions, Response } from 'express';
import { csrfCookie, sessionCookie } from './api-request';

function baseOptions(config: AppConfig): CookieOptions {
  return { httpOnly: true, secure: config.publicUrl.startsWith('https:'), path: '/' };
}

export function setSessionCookie(response: Response, config: AppConfig, token: string): void {
  response.cookie(sessionCookie, token, {
    ...baseOptions(config),
    sameSite: 'lax',
    maxAge: config.sessionTtlSeconds * 1000,
  });
}

export function clearSessionCookie(response: Response, config: AppConfig): void {
  response.clearCookie(sessionCookie, { ...baseOptions(config), sameSite: 'lax' });
}

export function setCsrfCookie(response: Response, config: AppConfig, token: string): void {
  response.cookie(csrfCookie, token, { ...baseOptions(config), sameSite: 'strict' });
}
