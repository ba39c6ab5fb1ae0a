import { Logger } from '@nestjs/common';
import { type AppConfig, hmac, randomToken, runWithRequestId, safeEqual } from '@razgovor/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { type ApiRequest, csrfCookie, csrfHeader, parseCookies } from './api-request';
import { sendError } from './send-error';

type Middleware = (request: Request, response: Response, next: NextFunction) => void;

const requestLogger = new Logger('Http');

/** Gives every request an id (taken from x-request-id when it looks sane) and logs its outcome. */
export function requestContext(): Middleware {
  return (request, response, next) => {
    const incoming = request.header('x-request-id');
    const requestId = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    const apiRequest = request as ApiRequest;
    apiRequest.requestId = requestId;
    apiRequest.cookies = parseCookies(request.header('cookie'));
    response.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();

    response.on('finish', () => {
      if (!request.path.startsWith('/api/')) return;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      runWithRequestId(requestId, () =>
        requestLogger.log(`${request.method} ${request.path} ${response.statusCode}`, {
          method: request.method,
          path: request.path,
          status: response.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
        }),
      );
    });
    runWithRequestId(requestId, next);
  };
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Parses JSON bodies of writes under /api and turns parser failures into our error shape, so a
 * malformed or oversized body never reaches a handler.
 */
export function jsonBody(config: AppConfig): Middleware {
  const parse = express.json({ limit: config.bodyLimitBytes, strict: false, type: () => true });

  return (request, response, next) => {
    if (!unsafeMethods.has(request.method) || !request.path.startsWith('/api/')) return next();
    const length = Number(request.header('content-length') ?? 0);
    const hasBody = length > 0 || request.header('transfer-encoding') !== undefined;
    if (!hasBody) return next();
    if (!request.is('application/json') && !request.is('application/*+json')) {
      return sendError(response, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    }

    parse(request, response, (error?: { type?: string; message?: string }) => {
      if (!error) return next();
      if (error.type === 'entity.too.large') {
        return sendError(
          response,
          'PAYLOAD_TOO_LARGE',
          `The body is larger than ${config.bodyLimitBytes} bytes`,
        );
      }

      if (error.type === 'entity.parse.failed') {
        return sendError(response, 'MALFORMED_JSON', 'The body is not valid JSON');
      }

      sendError(response, 'VALIDATION_FAILED', error.message ?? 'The body could not be read');
    });
  };
}

/** A CSRF token is a random value signed with the session secret: `value.signature`. */
export function issueCsrfToken(secret: string, existing: string | undefined): string {
  if (existing && isValidCsrfToken(secret, existing)) return existing;
  const value = randomToken(24);

  return `${value}.${hmac(secret, value)}`;
}

function isValidCsrfToken(secret: string, token: string): boolean {
  const [value, signature] = token.split('.');

  return Boolean(value && signature && safeEqual(hmac(secret, value), signature));
}

/**
 * Double-submit defence: writes must echo, in the x-csrf-token header, the signed token that was
 * set as an httpOnly SameSite=Strict cookie. A page on another origin can neither read the token
 * nor set the header without passing CORS.
 */
export function csrfProtection(config: AppConfig): Middleware {
  return (request, response, next) => {
    if (!unsafeMethods.has(request.method) || !request.path.startsWith('/api/')) return next();
    const cookie = (request as ApiRequest).cookies[csrfCookie];
    const header = request.header(csrfHeader);

    const isValid =
      cookie !== undefined &&
      header !== undefined &&
      safeEqual(cookie, header) &&
      isValidCsrfToken(config.sessionSecret, header);
    if (isValid) return next();
    sendError(
      response,
      'CSRF_TOKEN_INVALID',
      'Missing or wrong x-csrf-token header; get one from GET /api/auth/csrf',
    );
  };
}
