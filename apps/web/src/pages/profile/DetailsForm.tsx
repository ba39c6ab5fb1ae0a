import {
  limits,
  updateProfileRequest,
  type Me,
  type UpdateProfileRequest,
} from '@razgovor/contracts';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { ProfileFields } from '../../components/ProfileFields';
import { Status } from '../../components/Status';
import { profileAnswers } from '../../forms/options';
import { useForm } from '../../forms/useForm';
import { useValues } from '../../forms/useValues';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session/session';

function valuesOf(me: Me) {
  return {
    displayName: me.displayName,
    district: me.district ?? '',
    ageBand: me.ageBand ?? '',
    gender: me.gender ?? '',
  };
}

export function DetailsForm({ me }: { me: Me }) {
  const t = useT();
  const session = useSession();
  const form = useForm();
  const { values, bind } = useValues(() => valuesOf(me));
  const [isSaved, setSaved] = useState(false);
  const labels = {
    displayName: t('field.displayName'),
    district: t('field.district'),
    ageBand: t('field.ageBand'),
    gender: t('field.gender'),
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const body: UpdateProfileRequest = {
      displayName: values.displayName,
      ...profileAnswers(values),
    };
    if (!form.validate(updateProfileRequest, body)) return;

    void form.run(async () => {
      const updated = await call('updateMe', { body });
      session.update(updated);
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
        <p className="field__hint">{t('signUp.whyAsk')}</p>
        <button type="submit" disabled={form.isSubmitting}>
          {t('profile.save')}
        </button>
      </form>
      <Status tone="success">{isSaved && t('profile.saved')}</Status>
    </section>
  );
}
