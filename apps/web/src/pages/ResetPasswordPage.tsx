import { limits, passwordResetConfirmRequest } from '@razgovor/contracts';
import type { FormEvent } from 'react';
import { call } from '../api/client';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { Status } from '../components/Status';
import { useForm } from '../forms/useForm';
import { useValues } from '../forms/useValues';
import { useT } from '../i18n/i18n';
import { Link, navigate, useSearchParam } from '../router/router';

export function ResetPasswordPage() {
  const t = useT();
  const token = useSearchParam('token');
  const form = useForm();
  const { values, bind } = useValues({ password: '' });
  const labels = { password: t('field.newPassword') };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!token) return;
    const body = { token, password: values.password };
    if (!form.validate(passwordResetConfirmRequest, body)) return;

    void form.run(async () => {
      await call('confirmPasswordReset', { body });
      navigate('/sign-in?reset=done', { replace: true });
    });
  };

  if (!token) {
    return (
      <Page title={t('reset.title')}>
        <Status tone="error">{t('reset.missingToken')}</Status>
        <p>
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('reset.title')}>
      <ErrorSummary form={form} labels={labels} />
      <form noValidate onSubmit={handleSubmit} className="form">
        <TextField
          {...bind('password')}
          type="password"
          label={labels.password}
          hint={t('hint.password', { min: limits.passwordMin })}
          autoComplete="new-password"
          error={form.fieldErrors.password}
          required
        />
        <button type="submit" disabled={form.isSubmitting}>
          {t('reset.submit')}
        </button>
      </form>
      {(form.formError || form.fieldErrors.token) && (
        <p>
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      )}
    </Page>
  );
}
