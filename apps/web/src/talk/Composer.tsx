import { conversationLimits } from '@razgovor/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Status } from '../components/Status';
import { errorMessage } from '../i18n/errors';
import { useT } from '../i18n/i18n';
import { Markdown } from '../markdown/Markdown';
import { newKey } from './text';

interface ComposerProps {
  label: string;
  submitLabel: string;
  initial?: string;
  /** Receives the text and this draft's idempotency key, which stays the same across retries. */
  onSubmit: (body: string, key: string) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

const max = conversationLimits.commentMax;

export function Composer(props: ComposerProps) {
  const { label, submitLabel, initial = '', onSubmit, onCancel, autoFocus } = props;
  const t = useT();
  const id = useId();
  const key = useRef(newKey());
  const [body, setBody] = useState(initial);
  const [isPreview, setPreview] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [isEmpty, setEmpty] = useState(false);
  const [isPosting, setPosting] = useState(false);
  const [postedCount, setPostedCount] = useState(0);

  const length = body.trim().length;
  const over = length - max;
  const error =
    over > 0
      ? t('composer.tooLong', { over })
      : isEmpty
        ? t('validation.required')
        : failure !== null
          ? errorMessage(t, failure)
          : null;
  const describedBy = [`${id}-hint`, `${id}-count`, error ? `${id}-error` : ''].join(' ').trim();

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isPosting || over > 0) return;
    if (length === 0) {
      setEmpty(true);

      return;
    }

    setPosting(true);
    setFailure(null);
    try {
      await onSubmit(body.trim(), key.current);
      key.current = newKey();
      setBody('');
      setPreview(false);
      setPostedCount((count) => count + 1);
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPosting(false);
    }
  };

  return (
    <form className="composer" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <div className="composer__head">
        <label htmlFor={id}>{label}</label>
        <button
          type="button"
          className="button--link"
          aria-pressed={isPreview}
          onClick={() => setPreview(!isPreview)}
        >
          {t('composer.preview')}
        </button>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {t('composer.hint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
      <textarea
        id={id}
        value={body}
        rows={4}
        hidden={isPreview}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          setBody(event.target.value);
          setEmpty(false);
        }}
      />
      {isPreview && (
        <div className="composer__preview" aria-label={t('composer.preview')} role="region">
          {length > 0 ? <Markdown source={body} breaks /> : <p>{t('composer.previewEmpty')}</p>}
        </div>
      )}
      <div className="composer__foot">
        <span id={`${id}-count`} className={over > 0 ? 'count count--over' : 'count'}>
          {t('composer.count', { count: length, max })}
        </span>
        {onCancel && (
          <button type="button" className="button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" disabled={isPosting}>
          {isPosting ? t('composer.posting') : submitLabel}
        </button>
      </div>
      <Status tone="success">{postedCount > 0 && !body && t('composer.posted')}</Status>
    </form>
  );
}
