import type { ChangeEvent, HTMLInputTypeAttribute, ReactNode } from 'react';
import { useT } from '../i18n/i18n';

/** The element id of a form field; `scope` keeps ids apart when a page shows one form twice. */
export function fieldId(name: string, scope?: string): string {
  return `field-${scope ? `${scope}-` : ''}${name.replace(/[^\w-]/g, '-')}`;
}

interface FieldShellProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined) => ReactNode;
}

function FieldShell({ name, label, hint, error, children }: FieldShellProps) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {children(describedBy)}
    </div>
  );
}

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  maxLength?: number;
}

export function TextField({ name, value, onChange, type = 'text', ...rest }: TextFieldProps) {
  const { label, hint, error, autoComplete, required, maxLength } = rest;
  const handleChange = (event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value);

  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={fieldId(name)}
          name={name}
          type={type}
          value={value}
          onChange={handleChange}
          autoComplete={autoComplete}
          required={required}
          maxLength={maxLength}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  name: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  /** Adds a first "not specified" choice whose value is the empty string. */
  allowEmpty?: boolean;
}

export function SelectField({
  name,
  value,
  options,
  onChange,
  allowEmpty,
  ...rest
}: SelectFieldProps) {
  const t = useT();
  const handleChange = (event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value);

  return (
    <FieldShell name={name} label={rest.label} hint={rest.hint} error={rest.error}>
      {(describedBy) => (
        <select
          id={fieldId(name)}
          name={name}
          value={value}
          onChange={handleChange}
          aria-invalid={rest.error ? true : undefined}
          aria-describedby={describedBy}
        >
          {allowEmpty && <option value="">{t('common.notSpecified')}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
