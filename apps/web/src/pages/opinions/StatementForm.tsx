import { createStatementRequest, statementLimits, type Statement } from '@razgovor/contracts';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n/i18n';

/** A short statement of one's own for others to vote on. */
export function StatementForm({ conversationId }: { conversationId: string }) {
  const t = useT();
  const form = useForm();
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<Statement | null>(null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form.validate(createStatementRequest, { body })) return;

    void form.run(async () => {
      setSent(await call('createStatement', { params: { id: conversationId }, body: { body } }));
      setBody('');
    });
  };

  return (
    <form onSubmit={handleSubmit} className="form" noValidate>
      <ErrorSummary form={form} labels={{ body: t('opinions.newStatement') }} />
      <TextField
        name="body"
        label={t('opinions.newStatement')}
        hint={t('opinions.newStatementHint', { max: statementLimits.bodyMax })}
        value={body}
        onChange={setBody}
        maxLength={statementLimits.bodyMax}
        error={form.fieldErrors.body}
      />
      <button type="submit" disabled={form.isSubmitting}>
        {t('opinions.submit')}
      </button>
      {sent && (
        <p role="status" className="success">
          {sent.state === 'published' ? t('opinions.published') : t('opinions.held')}
        </p>
      )}
    </form>
  );
}
