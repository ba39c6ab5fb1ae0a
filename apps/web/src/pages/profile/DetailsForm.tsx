import {
  limits,
  locales,
  updateProfileRequest,
  type Me,
  type UpdateProfileRequest,
} from '@razgovor/contracts';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { ProfileFields } from '../../components/ProfileFields';
import { Status } from '../../components/Status';
import { choose, localeOptions, profileAnswers } from '../../forms/options';
import { useForm } from '../../forms/useForm';
import { useValues } from '../../forms/useValues';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';

function valuesOf(me: Me) {
  return {
    displayName: me.displayName,
    district: me.district ?? '',
    ageBand: me.ageBand ?? '',
    gender: me.gender ?? '',
    locale: me.locale,
  };
}

export function DetailsForm({ me }: { me: Me }) {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const form = useForm();
  const { values, bind } = useValues(() => ({ ...valuesOf(me), locale }));
  const [isSaved, setSaved] = useState(false);
  const labels = {
    displayName: t('field.displayName'),
    district: t('field.district'),
    ageBand: t('field.ageBand'),
    gender: t('field.gender'),
    locale: t('field.language'),
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const body: UpdateProfileRequest = {
      displayName: values.displayName,
      ...profileAnswers(values),
      locale: choose(locales, values.locale) ?? locale,
    };
    if (!form.validate(updateProfileRequest, body)) return;

    await form.run(async () => {
      const updated = await call('updateMe', { body });
      session.update(updated);
      setLocale(updated.locale);
      setSaved(true);
    });
  };

  return (
    <section aria-labelledby="details-title" className="card">
      <h2 id="details-title">{t('profile.details')}</h2>
      <p>{t('profile.emailIs', { email: me.email })}</p>
      <ErrorSummary form={form} labels={labels} />
      <form noValidate onSubmit={handleSubmit} className="form">
        <TextField
          {...bind('displayName')}
          label={labels.displayName}
          hint={t('hint.displayName')}
          autoComplete="nickname"
          error={form.fieldErrors.displayName}
          maxLength={limits.displayNameMax}
          required
        />
        <ProfileFields bind={bind} errors={form.fieldErrors} />
        <SelectField
          {...bind('locale')}
          label={labels.locale}
          options={localeOptions(t)}
          error={form.fieldErrors.locale}
        />
        <p className="field__hint">{t('signUp.whyAsk')}</p>
        <button type="submit" disabled={form.isSubmitting}>
          {t('profile.save')}
        </button>
        <Status tone="success">{isSaved && t('profile.saved')}</Status>
      </form>
    </section>
  );
}
