import type { ErrorBody, ErrorCode } from '@razgovor/contracts';
import { httpStatusByCode } from '@razgovor/core';
import type { Response } from 'express';

export function sendError(
  response: Response,
  code: ErrorCode,
  message: string,
  details?: unknown,
  retryAfterSeconds?: number,
): void {
  const body: ErrorBody = { code, message, ...(details !== undefined && { details }) };
  if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));

  response.status(httpStatusByCode[code]).json(body);
}
