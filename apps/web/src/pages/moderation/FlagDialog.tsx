import { flagReasons, moderationLimits, type Comment, type FlagReason } from '@razgovor/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { call, isApiError } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';

/**
 * "Report" on a comment or a statement: a modal dialog with the reasons; one report per person
 * and comment or statement.
 */
export function FlagButton(target: { comment: Comment } | { statementId: string }) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState<FlagReason>('spam');
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [isSending, setSending] = useState(false);
  const [isFlagged, setFlagged] = useState(false);
  const needsText = reason === 'other' && text.trim() === '';

  const close = () => {
    dialog.current?.close();
    opener.current?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (needsText) {
      setFailure(new Error('text'));

      return;
    }

    setSending(true);
    setFailure(null);
    try {
      const trimmed = text.trim();
      const body = { reason, ...(trimmed && { text: trimmed }) };
      if ('comment' in target)
        await call('flagComment', { params: { id: target.comment.id }, body });
      else await call('flagStatement', { params: { id: target.statementId }, body });
      setFlagged(true);
      close();
    } catch (error) {
      if (isApiError(error, 'ALREADY_FLAGGED')) {
        setFlagged(true);
        close();
      } else setFailure(error);
    } finally {
      setSending(false);
    }
  };

  if (isFlagged) {
    return (
      <span className="meta" role="status">
        {t('flag.sent')}
      </span>
    );
  }

  const error =
    failure === null ? null : needsText ? t('flag.textRequired') : errorMessage(t, failure);

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="button--link"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {t('flag.open')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h2 id={`${id}-title`}>
            {'comment' in target ? t('flag.title') : t('opinions.flagTitle')}
          </h2>
          <fieldset className="fieldset">
            <legend>{t('flag.reason')}</legend>
            {flagReasons.map((option) => (
              <label key={option} className="checkbox">
                <input
                  type="radio"
                  name={`${id}-reason`}
                  value={option}
                  checked={reason === option}
                  onChange={() => setReason(option)}
                />
                {t(`flagReason.${option}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-text`}>
              {reason === 'other' ? t('flag.textRequiredLabel') : t('flag.text')}
            </label>
            <textarea
              id={`${id}-text`}
              rows={3}
              maxLength={moderationLimits.flagTextMax}
              value={text}
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
              {t('flag.submit')}
            </button>
            <button type="button" className="button--secondary" onClick={close}>
              {t('common.cancel')}
            </button>
          </p>
        </form>
      </dialog>
    </>
  );
}
