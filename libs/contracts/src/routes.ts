import type { z } from 'zod';
import * as accounts from './accounts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, any signed-in person, or holders of one of the listed roles. */
export type Access = 'public' | 'signed-in' | 'confirmed' | readonly accounts.Role[];

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

function route<T extends RouteDefinition>(definition: T): T {
  return definition;
}

/**
 * The HTTP API in one table. The controllers implement it, the OpenAPI document is generated from
 * it, and the web app's client reads paths from it, so the three cannot drift apart.
 */
export const routes = {
  health: route({
    method: 'GET',
    path: '/api/health',
    tag: 'system',
    summary: 'Report whether the database and Redis answer',
    access: 'public',
    status: 200,
    response: accounts.healthResponse,
  }),
  csrf: route({
    method: 'GET',
    path: '/api/auth/csrf',
    tag: 'auth',
    summary: 'Issue the CSRF token that every write must echo in the x-csrf-token header',
    access: 'public',
    status: 200,
    response: accounts.csrfResponse,
  }),
  signUp: route({
    method: 'POST',
    path: '/api/auth/sign-up',
    tag: 'auth',
    summary: 'Create an account, sign in and send the e-mail confirmation link',
    access: 'public',
    status: 201,
    body: accounts.signUpRequest,
    response: accounts.me,
  }),
  signIn: route({
    method: 'POST',
    path: '/api/auth/sign-in',
    tag: 'auth',
    summary: 'Sign in with e-mail and password; sets the session cookie',
    access: 'public',
    status: 200,
    body: accounts.signInRequest,
    response: accounts.me,
  }),
  signOut: route({
    method: 'POST',
    path: '/api/auth/sign-out',
    tag: 'auth',
    summary: 'End this session',
    access: 'public',
    status: 204,
  }),
  signOutEverywhere: route({
    method: 'POST',
    path: '/api/auth/sign-out-everywhere',
    tag: 'auth',
    summary: 'End every session of the signed-in person',
    access: 'signed-in',
    status: 204,
  }),
  confirmEmail: route({
    method: 'POST',
    path: '/api/auth/confirm-email',
    tag: 'auth',
    summary: 'Confirm an e-mail address with the token from the e-mailed link',
    access: 'public',
    status: 200,
    body: accounts.confirmEmailRequest,
    response: accounts.me,
  }),
  resendConfirmation: route({
    method: 'POST',
    path: '/api/auth/resend-confirmation',
    tag: 'auth',
    summary: 'Send the e-mail confirmation link again',
    access: 'signed-in',
    status: 202,
  }),
  requestPasswordReset: route({
    method: 'POST',
    path: '/api/auth/password-reset',
    tag: 'auth',
    summary: 'E-mail a password reset link (answers the same whether or not the address exists)',
    access: 'public',
    status: 202,
    body: accounts.passwordResetRequest,
  }),
  confirmPasswordReset: route({
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    tag: 'auth',
    summary: 'Set a new password with the token from the e-mailed link',
    access: 'public',
    status: 204,
    body: accounts.passwordResetConfirmRequest,
  }),
  getMe: route({
    method: 'GET',
    path: '/api/me',
    tag: 'me',
    summary: 'The signed-in person',
    access: 'signed-in',
    status: 200,
    response: accounts.me,
  }),
  updateMe: route({
    method: 'PATCH',
    path: '/api/me',
    tag: 'me',
    summary: 'Change display name, profile fields or language',
    access: 'signed-in',
    status: 200,
    body: accounts.updateProfileRequest,
    response: accounts.me,
  }),
  exportMe: route({
    method: 'GET',
    path: '/api/me/export',
    tag: 'me',
    summary: 'Download everything held about the signed-in person as JSON',
    access: 'signed-in',
    status: 200,
    response: accounts.personalDataExport,
  }),
  deleteMe: route({
    method: 'DELETE',
    path: '/api/me',
    tag: 'me',
    summary: 'Erase the account; comments stay, attributed to "deleted participant"',
    access: 'signed-in',
    status: 204,
    body: accounts.deleteAccountRequest,
  }),
  listUsers: route({
    method: 'GET',
    path: '/api/admin/users',
    tag: 'admin',
    summary: 'List accounts, newest first, optionally filtered by e-mail or name',
    access: ['admin'],
    status: 200,
    query: accounts.userListQuery,
    response: accounts.userPage,
  }),
  setRoles: route({
    method: 'PUT',
    path: '/api/admin/users/:id/roles',
    tag: 'admin',
    summary: 'Replace the roles of an account (citizen is always kept)',
    access: ['admin'],
    status: 200,
    body: accounts.setRolesRequest,
    response: accounts.userSummary,
  }),
  mailbox: route({
    method: 'GET',
    path: '/api/dev/mailbox',
    tag: 'development',
    summary: 'Messages caught by the development mail receiver (absent in production)',
    access: 'public',
    status: 200,
  }),
} as const;

export type RouteName = keyof typeof routes;
