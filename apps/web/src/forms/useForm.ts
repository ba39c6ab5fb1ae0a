import { useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { z } from 'zod';
import { isApiError } from '../api/client';
import { errorMessage, issueMessage } from '../i18n/errors';
import { useT } from '../i18n/i18n';

export type FieldErrors = Record<string, string>;

export interface Form {
  fieldErrors: FieldErrors;
  formError: string | null;
  isSubmitting: boolean;
  summaryRef: RefObject<HTMLDivElement | null>;
  /** Checks input against a contract schema; on failure shows the errors and returns false. */
  validate: (schema: z.ZodType, input: Record<string, unknown>) => boolean;
  /** Runs a request, showing the API's field and form errors if it fails. */
  run: (action: () => Promise<void>) => Promise<void>;
}

export function useForm(): Form {
  const t = useT();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  // The summary must exist in the DOM before it can take focus, hence the synchronous render.
  const fail = (fields: FieldErrors, message: string | null) => {
    flushSync(() => {
      setFieldErrors(fields);
      setFormError(message);
    });
    summaryRef.current?.focus();
  };

  const validate: Form['validate'] = (schema, input) => {
    const result = schema.safeParse(input);
    if (result.success) return true;

    const fields: FieldErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      fields[path] ??= issueMessage(t, issue, input[path]);
    }
    fail(fields, null);

    return false;
  };

  const run: Form['run'] = async (action) => {
    if (isSubmitting) return;
    setSubmitting(true);
    setFieldErrors({});
    setFormError(null);

    try {
      await action();
    } catch (error) {
      const details = isApiError(error) ? error.details : [];
      const fields = Object.fromEntries(details.map((issue) => [issue.path, issue.message]));
      const hasFieldErrors = Object.keys(fields).length > 0;
      fail(fields, hasFieldErrors ? null : errorMessage(t, error));
    } finally {
      setSubmitting(false);
    }
  };

  return { fieldErrors, formError, isSubmitting, summaryRef, validate, run };
}
