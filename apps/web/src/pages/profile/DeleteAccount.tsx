import { deleteAccountRequest } from '@razgovor/contracts';
import type { FormEvent } from 'react';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { useForm } from '../../forms/useForm';
import { useValues } from '../../forms/useValues';
import { useT } from '../../i18n/i18n';
import { navigate } from '../../router/router';
import { useSession } from '../../session/session';

export function DeleteAccount() {
  const t = useT();
  const session = useSession();
  const form = useForm();
  const { values, bind } = useValues({ password: '' });
  const labels = { password: t('profile.deletePassword') };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { password: values.password };
    if (!form.validate(deleteAccountRequest, body)) return;

    void form.run(async () => {
      await call('deleteMe', { body });
      session.forget();
      navigate('/account-deleted', { replace: true });
    });
  };

  return (
    <section aria-labelledby="delete-title" className="card card--danger">
      <h2 id="delete-title">{t('profile.deleteTitle')}</h2>
      <p className="warning" id="delete-warning">
        {t('profile.deleteWarning')}
      </p>
      <ErrorSummary form={form} labels={labels} />
      <form noValidate onSubmit={handleSubmit} className="form" aria-describedby="delete-warning">
        <TextField
          {...bind('password')}
          type="password"
          label={labels.password}
          autoComplete="current-password"
          error={form.fieldErrors.password}
          required
        />
        <button type="submit" className="button--danger" disabled={form.isSubmitting}>
          {t('profile.delete')}
        </button>
      </form>
    </section>
  );
}
