import { useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { z } from 'zod';
import { isApiError } from '../api/client';
import { errorMessage, issueMessage } from '../i18n/errors';
import { useT } from '../i18n/i18n';

export type FieldErrors = Record<string, string>;

// Failures are kept untranslated so that switching language re-renders them in the new one.
type FieldProblem =
  | { path: string; issue: z.core.$ZodIssue; value: unknown }
  | { path: string; serverMessage: string };

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
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  const fieldErrors: FieldErrors = {};
  for (const problem of problems) {
    fieldErrors[problem.path] ??=
      'issue' in problem ? issueMessage(t, problem.issue, problem.value) : problem.serverMessage;
  }

  const formError = failure === null ? null : errorMessage(t, failure);

  // The summary must exist in the DOM before it can take focus, hence the synchronous render.
  const fail = (nextProblems: FieldProblem[], nextFailure: unknown) => {
    flushSync(() => {
      setProblems(nextProblems);
      setFailure(nextFailure);
    });
    summaryRef.current?.focus();
  };

  const validate: Form['validate'] = (schema, input) => {
    const result = schema.safeParse(input);
    if (result.success) return true;

    fail(
      result.error.issues.map((issue) => {
        const path = issue.path.join('.');

        return { path, issue, value: input[path] };
      }),
      null,
    );

    return false;
  };

  const run: Form['run'] = async (action) => {
    if (isSubmitting) return;
    setSubmitting(true);
    setProblems([]);
    setFailure(null);

    try {
      await action();
    } catch (error) {
      const details = isApiError(error) ? error.details : [];
      const fields = details.map((issue) => ({ path: issue.path, serverMessage: issue.message }));
      fail(fields, fields.length > 0 ? null : error);
    } finally {
      setSubmitting(false);
    }
  };

  return { fieldErrors, formError, isSubmitting, summaryRef, validate, run };
}
