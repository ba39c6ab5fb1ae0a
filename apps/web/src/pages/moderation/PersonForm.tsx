import { moderationLimits, type PersonAction } from '@razgovor/contracts';
import { useId, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Status } from '../../components/Status';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';

interface PersonFormProps {
  conversationId: string;
  userId: string;
  name: string;
  commentId?: string;
}

const choices: PersonAction[] = ['warn', 'mute', 'unmute', 'remove'];

/** Warn, mute for some days, unmute or remove the author; the person sees the reason. */
export function PersonForm({ conversationId, userId, name, commentId }: PersonFormProps) {
  const t = useT();
  const id = useId();
  const [action, setAction] = useState<PersonAction>('warn');
  const [days, setDays] = useState(3);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [isSaving, setSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setNotice({ ok: false, text: t('person.reasonRequired') });

      return;
    }

    if (action === 'remove' && !window.confirm(t('person.removeConfirm', { name }))) return;
    setSaving(true);
    setNotice(null);
    try {
      await call('actOnPerson', {
        params: { id: conversationId, userId },
        body: {
          action,
          reason: reason.trim(),
          ...(action === 'mute' && { days }),
          ...(commentId && { commentId }),
        },
      });
      setReason('');
      setNotice({ ok: true, text: t(`person.done.${action}`, { name }) });
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(t, error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="queue__form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('person.action')}</label>
        <select
          id={`${id}-action`}
          value={action}
          onChange={(event) => setAction(event.target.value as PersonAction)}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`person.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      {action === 'mute' && (
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('person.days')}</label>
          <input
            id={`${id}-days`}
            type="number"
            min={1}
            max={moderationLimits.muteDaysMax}
            value={days}
            onChange={(event) => setDays(Math.max(1, Number(event.target.value) || 1))}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('person.reason')}</label>
        <p id={`${id}-hint`} className="field__hint">
          {t('person.reasonHint')}
        </p>
        <textarea
          id={`${id}-reason`}
          rows={2}
          value={reason}
          maxLength={moderationLimits.noteMax}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <button type="submit" disabled={isSaving}>
        {t('person.submit')}
      </button>
      <Status tone={notice?.ok === false ? 'error' : 'success'}>{notice?.text}</Status>
    </form>
  );
}
