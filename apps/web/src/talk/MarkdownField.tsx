import { useState } from 'react';
import { fieldId } from '../components/Field';
import { useT } from '../i18n/i18n';
import { Markdown } from '../markdown/Markdown';

interface MarkdownFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  rows?: number;
  /** Keeps field ids apart when a page shows the same form more than once. */
  scope?: string;
}

/** A Markdown text area with a preview rendered by the same renderer readers see. */
export function MarkdownField({
  name,
  label,
  value,
  onChange,
  error,
  rows = 6,
  scope,
}: MarkdownFieldProps) {
  const t = useT();
  const [isPreview, setPreview] = useState(false);
  const id = fieldId(name, scope);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].join(' ').trim();

  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field__hint">
        {t('form.markdownHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      <button
        type="button"
        className="button--link"
        aria-expanded={isPreview}
        onClick={() => setPreview(!isPreview)}
      >
        {isPreview ? t('form.hidePreview') : t('form.showPreview')}
      </button>
      {isPreview && (
        <div className="markdown-preview" role="region" aria-label={t('form.previewOf', { label })}>
          <Markdown source={value} topHeading={3} />
        </div>
      )}
    </div>
  );
}
