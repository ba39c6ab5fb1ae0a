import { limits, signUpRequest, type SignUpRequest } from '@razgovor/contracts';
import type { FormEvent } from 'react';
import { call } from '../api/client';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { ProfileFields } from '../components/ProfileFields';
import { profileAnswers } from '../forms/options';
import { useForm } from '../forms/useForm';
import { useValues } from '../forms/useValues';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router/router';
import { useSession } from '../session/session';

const emptyValues = {
  email: '',
  password: '',
  displayName: '',
  district: '',
  ageBand: '',
  gender: '',
};

export function SignUpPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const form = useForm();
  const { values, bind } = useValues(emptyValues);
  const labels = {
    email: t('field.email'),
    password: t('field.password'),
    displayName: t('field.displayName'),
    district: t('field.district'),
    ageBand: t('field.ageBand'),
    gender: t('field.gender'),
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answers = profileAnswers(values);
    const body: SignUpRequest = {
      email: values.email,
      password: values.password,
      displayName: values.displayName,
      district: answers.district ?? undefined,
      ageBand: answers.ageBand ?? undefined,
      gender: answers.gender ?? undefined,
      locale,
    };
    if (!form.validate(signUpRequest, body)) return;

    void form.run(async () => {
      const me = await call('signUp', { body });
      session.signIn(me);
      navigate('/check-email');
    });
  };

  return (
    <Page title={t('signUp.title')}>
      <p>{t('signUp.intro')}</p>
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
          hint={t('hint.password', { min: limits.passwordMin })}
          autoComplete="new-password"
          error={form.fieldErrors.password}
          required
        />
        <TextField
          {...bind('displayName')}
          label={labels.displayName}
          hint={t('hint.displayName')}
          autoComplete="nickname"
          error={form.fieldErrors.displayName}
          maxLength={limits.displayNameMax}
          required
        />
        <fieldset className="fieldset">
          <legend>{t('signUp.aboutYou')}</legend>
          <p className="field__hint">{t('signUp.whyAsk')}</p>
          <ProfileFields bind={bind} errors={form.fieldErrors} />
        </fieldset>
        <button type="submit" disabled={form.isSubmitting}>
          {t('signUp.submit')}
        </button>
      </form>
      <p>
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link>
      </p>
    </Page>
  );
}
