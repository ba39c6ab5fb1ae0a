import { moderationLimits, type Comment } from '@razgovor/contracts';
import { useId, useState, type FormEvent } from 'react';
import { call, isApiError } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';

/**
 * The author of a hidden comment asks once for another look, by another facilitator; once asked,
 * it shows where the appeal stands.
 */
export function AppealForm({ comment }: { comment: Comment }) {
  const t = useT();
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [isSending, setSending] = useState(false);
  const [isSent, setSent] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === '') {
      setFailure(new Error('empty'));

      return;
    }

    setSending(true);
    setFailure(null);
    try {
      await call('appealComment', { params: { id: comment.id }, body: { text: text.trim() } });
      setSent(true);
    } catch (error) {
      if (isApiError(error, 'ALREADY_APPEALED')) setSent(true);
      else setFailure(error);
    } finally {
      setSending(false);
    }
  };

  // The server remembers the appeal, so it still shows after a reload.
  const appeal = isSent ? 'open' : comment.moderation.appeal;
  if (appeal === 'upheld') {
    return (
      <p className="notice" role="status">
        {t('appeal.upheld')}
      </p>
    );
  }

  if (appeal !== null) {
    return (
      <p className="notice notice--success" role="status">
        {t('appeal.sent')}
      </p>
    );
  }

  if (!isOpen) {
    return (
      <button type="button" className="button--link" onClick={() => setOpen(true)}>
        {t('appeal.open')}
      </button>
    );
  }

  const error =
    failure === null
      ? null
      : text.trim() === ''
        ? t('validation.required')
        : errorMessage(t, failure);

  return (
    <form className="appeal" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={id}>{t('appeal.label')}</label>
        <p id={`${id}-hint`} className="field__hint">
          {t('appeal.hint')}
        </p>
        <textarea
          id={id}
          rows={3}
          autoFocus
          maxLength={moderationLimits.appealMax}
          value={text}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      <p className="actions">
        <button type="submit" disabled={isSending}>
          {t('appeal.submit')}
        </button>
        <button type="button" className="button--secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </p>
    </form>
  );
}
