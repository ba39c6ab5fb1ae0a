/**
 * Every failure the API reports carries one of these codes. The web app switches on the code; the
 * message is a short English sentence for people reading logs or writing scripts.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'EMAIL_NOT_CONFIRMED',
  'TOKEN_INVALID',
  'PASSWORD_INCORRECT',
  'RATE_LIMITED',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'SLUG_TAKEN',
  'INVALID_TRANSITION',
  'CONVERSATION_NOT_OPEN',
  'CONVERSATION_CLOSED',
  'TOPIC_CLOSED',
  'EDIT_WINDOW_PASSED',
  'COMMENT_WITHDRAWN',
  'MUTED',
  'REMOVED_FROM_CONVERSATION',
  'ALREADY_FLAGGED',
  'ALREADY_APPEALED',
  'NOT_APPEALABLE',
  'APPEAL_NEEDS_ANOTHER_FACILITATOR',
  'INVALID_DECISION',
  'CONTENT_BLOCKED',
  'SLOW_MODE',
  'POLL_NOT_OPEN',
  'POLL_CLOSED',
  'POLL_INVALID',
  'ANSWER_MISMATCH',
  'UNKNOWN_OPTION',
  'TOO_MANY_CHOICES',
  'RANKING_INCOMPLETE',
  'BUDGET_NOT_BALANCED',
  'RESULTS_HIDDEN',
  'SURVEY_RUN_MISSING',
  'EXPORT_NOT_READY',
  'EXPORT_EXPIRED',
  'REPORT_NOT_PUBLISHED',
  'TAG_NAME_TAKEN',
  'THEME_NOT_ACTIVE',
  'STATEMENT_NOT_PUBLISHED',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `profile.district`; empty for the whole body. */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
