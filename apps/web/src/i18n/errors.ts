import type { z } from 'zod';
import { isApiError, type ClientErrorCode } from '../api/client';
import { hasMessage, type MessageKey, type Translate } from './i18n';

/** A translated sentence for any failure; the server's own message is the last resort. */
export function errorMessage(t: Translate, error: unknown): string {
  if (!isApiError(error)) return t('error.INTERNAL_ERROR');
  const key = `error.${error.code}`;
  if (error.code !== 'UNEXPECTED_RESPONSE' && hasMessage(key)) return t(key);

  return error.message.startsWith('HTTP ') ? t('error.UNEXPECTED_RESPONSE') : error.message;
}

/** Turns a zod issue from a contract schema into a sentence in the interface language. */
export function issueMessage(t: Translate, issue: z.core.$ZodIssue, value: unknown): string {
  if (typeof value === 'string' && value.trim() === '') return t('validation.required');

  switch (issue.code) {
    case 'too_small':
      return t('validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

// Every code the API or the client can report needs a sentence in both languages.
type ErrorKeys = `error.${ClientErrorCode}`;
const everyCodeTranslated: ErrorKeys extends MessageKey ? true : never = true;
void everyCodeTranslated;
