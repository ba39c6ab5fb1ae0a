import { signInRequest, type SignInRequest } from '@razgovor/contracts';
import type { FormEvent } from 'react';
import { call } from '../api/client';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { Status } from '../components/Status';
import { useForm } from '../forms/useForm';
import { useValues } from '../forms/useValues';
import { useT } from '../i18n/i18n';
import { Link, navigate, safeNextPath, useLocation } from '../router/router';
import { useSession } from '../session/session';

export function SignInPage() {
  const t = useT();
  const session = useSession();
  const form = useForm();
  const { search } = useLocation();
  const { values, bind } = useValues({ email: '', password: '' });
  const next = safeNextPath(search.get('next'));
  const isAfterReset = search.get('reset') === 'done';
  const labels = { email: t('field.email'), password: t('field.password') };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: SignInRequest = { email: values.email, password: values.password };
    if (!form.validate(signInRequest, body)) return;

    void form.run(async () => {
      const me = await call('signIn', { body });
      session.signIn(me);
      navigate(next);
    });
  };

  return (
    <Page title={t('signIn.title')}>
      <Status tone="success">{isAfterReset && t('signIn.passwordChanged')}</Status>
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
        <TextField
          {...bind('password')}
          type="password"
          label={labels.password}
          autoComplete="current-password"
          error={form.fieldErrors.password}
          required
        />
        <button type="submit" disabled={form.isSubmitting}>
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      <p>
        {t('signIn.noAccount')} <Link to="/sign-up">{t('nav.signUp')}</Link>
      </p>
    </Page>
  );
}
