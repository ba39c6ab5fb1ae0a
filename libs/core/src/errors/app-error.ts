import type { ErrorCode } from '@razgovor/contracts';

/** A failure with a code the web app can act on; the HTTP layer maps codes to statuses. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds a client should wait before trying again (rate limits). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const httpStatusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_SIGNED_IN: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  EMAIL_NOT_CONFIRMED: 403,
  PASSWORD_INCORRECT: 403,
  EMAIL_TAKEN: 409,
  TOKEN_INVALID: 400,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
  SLUG_TAKEN: 409,
  INVALID_TRANSITION: 409,
  CONVERSATION_NOT_OPEN: 409,
  CONVERSATION_CLOSED: 409,
  TOPIC_CLOSED: 409,
  EDIT_WINDOW_PASSED: 409,
  COMMENT_WITHDRAWN: 409,
  MUTED: 403,
  REMOVED_FROM_CONVERSATION: 403,
  ALREADY_FLAGGED: 409,
  ALREADY_APPEALED: 409,
  NOT_APPEALABLE: 409,
  APPEAL_NEEDS_ANOTHER_FACILITATOR: 409,
  INVALID_DECISION: 409,
  CONTENT_BLOCKED: 422,
  SLOW_MODE: 429,
  POLL_NOT_OPEN: 409,
  POLL_CLOSED: 409,
  POLL_INVALID: 400,
  ANSWER_MISMATCH: 400,
  UNKNOWN_OPTION: 400,
  TOO_MANY_CHOICES: 400,
  RANKING_INCOMPLETE: 400,
  BUDGET_NOT_BALANCED: 400,
  RESULTS_HIDDEN: 403,
  SURVEY_RUN_MISSING: 404,
};
