import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { ErrorCode } from '@razgovor/contracts';
import { AppError } from '@razgovor/core';
import type { Response } from 'express';
import type { ApiRequest } from './api-request';
import { sendError } from './send-error';

const codeByStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'NOT_SIGNED_IN',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** The one place where failures become HTTP responses. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<ApiRequest>();
    if (response.headersSent) return;

    if (error instanceof AppError) {
      sendError(response, error.code, error.message, error.details, error.retryAfterSeconds);

      return;
    }

    if (error instanceof HttpException && codeByStatus[error.getStatus()]) {
      const code = codeByStatus[error.getStatus()] as ErrorCode;
      const message =
        code === 'ROUTE_NOT_FOUND' ? `No route ${request.method} ${request.path}` : error.message;
      sendError(response, code, message);

      return;
    }

    this.logger.error(`Unhandled error on ${request.method} ${request.path}`, error);
    sendError(response, 'INTERNAL_ERROR', 'Something went wrong on our side');
  }
}
