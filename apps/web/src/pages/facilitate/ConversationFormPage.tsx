import { createConversationRequest, updateConversationRequest } from '@razgovor/contracts';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { RequireSignIn } from '../../components/RequireSignIn';
import { useForm } from '../../forms/useForm';
import { useI18n } from '../../i18n/i18n';
import { navigate, useParams } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { pick, toInstant, toLocalInput } from '../../talk/text';
import { useLoad } from '../../talk/useLoad';
import { BilingualFields, type Bilingual } from './BilingualFields';

interface Values {
  slug: string;
  title: Bilingual;
  description: Bilingual;
  background: Bilingual;
  opensAt: string;
  closesAt: string;
  coverImageUrl: string;
}

const blank: Values = {
  slug: '',
  title: { bg: '', en: '' },
  description: { bg: '', en: '' },
  background: { bg: '', en: '' },
  opensAt: '',
  closesAt: '',
  coverImageUrl: '',
};

function ConversationForm({ initial, id }: { initial: Values; id: string | null }) {
  const { t, locale } = useI18n();
  const form = useForm();
  const [values, setValues] = useState(initial);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((previous) => ({ ...previous, [key]: value }));
  const title = id
    ? t('conversationForm.editTitle', { title: pick(initial.title, locale) })
    : t('conversationForm.newTitle');
  const labels: Record<string, string> = {
    slug: t('form.slug'),
    'title.bg': t('form.titleBg'),
    'title.en': t('form.titleEn'),
    opensAt: t('form.opensAt'),
    closesAt: t('form.closesAt'),
    coverImageUrl: t('form.coverImage'),
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { slug, ...rest } = values;
    const body = {
      ...rest,
      opensAt: toInstant(values.opensAt),
      closesAt: toInstant(values.closesAt),
      coverImageUrl: values.coverImageUrl.trim() || null,
    };
    const schema = id ? updateConversationRequest : createConversationRequest;
    if (!form.validate(schema, id ? body : { ...body, slug })) return;

    void form.run(async () => {
      const saved = id
        ? await call('updateConversation', { params: { id }, body })
        : await call('createConversation', { body: { ...body, slug } });
      navigate(`/conversations/${saved.slug}`);
    });
  };

  return (
    <Page title={title}>
      {!id && <p>{t('conversationForm.draftNote')}</p>}
      <form onSubmit={handleSubmit} className="form" noValidate>
        <ErrorSummary form={form} labels={labels} />
        {!id && (
          <TextField
            name="slug"
            label={labels.slug}
            hint={t('form.slugHint')}
            value={values.slug}
            onChange={set('slug')}
            error={form.fieldErrors.slug}
          />
        )}
        <BilingualFields
          name="title"
          labels={{ bg: 'form.titleBg', en: 'form.titleEn' }}
          value={values.title}
          onChange={set('title')}
          form={form}
        />
        <BilingualFields
          name="description"
          labels={{ bg: 'form.descriptionBg', en: 'form.descriptionEn' }}
          value={values.description}
          onChange={set('description')}
          form={form}
          markdown
        />
        <BilingualFields
          name="background"
          labels={{ bg: 'form.backgroundBg', en: 'form.backgroundEn' }}
          value={values.background}
          onChange={set('background')}
          form={form}
          markdown
        />
        <TextField
          name="coverImageUrl"
          type="url"
          label={labels.coverImageUrl}
          hint={t('form.coverImageHint')}
          value={values.coverImageUrl}
          onChange={set('coverImageUrl')}
          error={form.fieldErrors.coverImageUrl}
        />
        <TextField
          name="opensAt"
          type="datetime-local"
          label={labels.opensAt}
          hint={t('form.scheduleHint')}
          value={values.opensAt}
          onChange={set('opensAt')}
          error={form.fieldErrors.opensAt}
        />
        <TextField
          name="closesAt"
          type="datetime-local"
          label={labels.closesAt}
          value={values.closesAt}
          onChange={set('closesAt')}
          error={form.fieldErrors.closesAt}
        />
        <button type="submit" disabled={form.isSubmitting}>
          {id ? t('conversationForm.save') : t('conversationForm.create')}
        </button>
      </form>
    </Page>
  );
}

export function NewConversationPage() {
  return (
    <RequireSignIn role="facilitator">
      {() => <ConversationForm initial={blank} id={null} />}
    </RequireSignIn>
  );
}

function EditConversation() {
  const { id = '' } = useParams();
  const { data, error } = useLoad(`edit:${id}`, (signal) =>
    call('getConversation', { params: { id }, signal }),
  );
  if (!data) return <LoadState error={error} />;

  const initial: Values = {
    slug: data.slug,
    title: data.title,
    description: data.description,
    background: data.background,
    opensAt: toLocalInput(data.opensAt),
    closesAt: toLocalInput(data.closesAt),
    coverImageUrl: data.coverImageUrl ?? '',
  };

  return <ConversationForm initial={initial} id={data.id} />;
}

export function EditConversationPage() {
  return <RequireSignIn>{() => <EditConversation />}</RequireSignIn>;
}
