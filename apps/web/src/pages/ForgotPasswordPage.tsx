import { passwordResetRequest } from '@razgovor/contracts';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { Status } from '../components/Status';
import { useForm } from '../forms/useForm';
import { useValues } from '../forms/useValues';
import { useT } from '../i18n/i18n';

export function ForgotPasswordPage() {
  const t = useT();
  const form = useForm();
  const { values, bind } = useValues({ email: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const labels = { email: t('field.email') };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { email: values.email };
    if (!form.validate(passwordResetRequest, body)) return;

    void form.run(async () => {
      await call('requestPasswordReset', { body });
      setSentTo(values.email.trim());
    });
  };

  return (
    <Page title={t('forgot.title')}>
      <p>{t('forgot.intro')}</p>
      <Status tone="success">{sentTo && t('forgot.sent', { email: sentTo })}</Status>
      <ErrorSummary form={form} labels={labels} />
      <form noValidate onSubmit={handleSubmit} className="form">
        <TextField
          {...bind('email')}
          type="email"
          label={labels.email}
          autoComplete="email"
          error={form.fieldErrors.email}
          required
        />
        <button type="submit" disabled={form.isSubmitting}>
          {t('forgot.submit')}
        </button>
      </form>
    </Page>
  );
}
