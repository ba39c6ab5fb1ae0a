import { useId, type MouseEvent } from 'react';
import type { Form } from '../forms/useForm';
import { useT } from '../i18n/i18n';
import { fieldId } from './Field';

interface ErrorSummaryProps {
  form: Form;
  /** Field labels by path, so each listed error says which field it belongs to. */
  labels: Record<string, string>;
  /** The scope the form's field ids were made with (see `fieldId`). */
  scope?: string;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;

  event.preventDefault();
  field.focus();
}

export function ErrorSummary({ form, labels, scope }: ErrorSummaryProps) {
  const t = useT();
  const titleId = useId();
  const entries = Object.entries(form.fieldErrors);
  const hasErrors = entries.length > 0 || form.formError !== null;

  return (
    <div
      ref={form.summaryRef}
      tabIndex={-1}
      role="alert"
      aria-labelledby={hasErrors ? titleId : undefined}
      className={hasErrors ? 'error-summary' : 'error-summary error-summary--empty'}
    >
      {hasErrors && (
        <>
          <h2 id={titleId}>{t('errorSummary.title')}</h2>
          {form.formError && <p>{form.formError}</p>}
          {entries.length > 0 && (
            <ul>
              {entries.map(([path, message]) => (
                <li key={path}>
                  <a
                    href={`#${fieldId(path, scope)}`}
                    onClick={(event) => focusField(event, fieldId(path, scope))}
                  >
                    {labels[path] ? `${labels[path]}: ${message}` : message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
