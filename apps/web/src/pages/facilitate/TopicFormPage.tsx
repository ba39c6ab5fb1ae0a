import { createTopicRequest, updateTopicRequest, type Conversation } from '@razgovor/contracts';
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
import { pick } from '../../talk/text';
import { useLoad } from '../../talk/useLoad';
import { BilingualFields, type Bilingual } from './BilingualFields';

interface Values {
  slug: string;
  title: Bilingual;
  description: Bilingual;
  position: string;
}

interface TopicFormProps {
  conversation: Conversation;
  initial: Values;
  topicId: string | null;
}

function TopicForm({ conversation, initial, topicId }: TopicFormProps) {
  const { t, locale } = useI18n();
  const form = useForm();
  const [values, setValues] = useState(initial);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((previous) => ({ ...previous, [key]: value }));
  const title = topicId
    ? t('topicForm.editTitle', { title: pick(initial.title, locale) })
    : t('topicForm.newTitle', { title: pick(conversation.title, locale) });
  const labels: Record<string, string> = {
    slug: t('form.slug'),
    'title.bg': t('form.titleBg'),
    'title.en': t('form.titleEn'),
    position: t('form.position'),
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const position = values.position === '' ? undefined : Number(values.position);
    const body = { title: values.title, description: values.description, position };
    const schema = topicId ? updateTopicRequest : createTopicRequest;
    if (!form.validate(schema, topicId ? body : { ...body, slug: values.slug })) return;

    void form.run(async () => {
      const saved = topicId
        ? await call('updateTopic', { params: { id: topicId }, body })
        : await call('createTopic', {
            params: { id: conversation.id },
            body: { ...body, slug: values.slug },
          });
      navigate(`/topics/${saved.id}`);
    });
  };

  return (
    <Page title={title}>
      <form onSubmit={handleSubmit} className="form" noValidate>
        <ErrorSummary form={form} labels={labels} />
        {!topicId && (
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
        <TextField
          name="position"
          type="number"
          label={labels.position}
          value={values.position}
          onChange={set('position')}
          error={form.fieldErrors.position}
        />
        <button type="submit" disabled={form.isSubmitting}>
          {topicId ? t('topicForm.save') : t('topicForm.create')}
        </button>
      </form>
    </Page>
  );
}

async function loadForm(conversationId: string, topicId: string | null, signal: AbortSignal) {
  const conversation = await call('getConversation', { params: { id: conversationId }, signal });
  const topic = topicId ? await call('getTopic', { params: { id: topicId }, signal }) : null;
  const initial: Values = {
    slug: topic?.slug ?? '',
    title: topic?.title ?? { bg: '', en: '' },
    description: topic?.description ?? { bg: '', en: '' },
    position: topic ? String(topic.position) : '',
  };

  return { conversation, initial };
}

function TopicFormLoader() {
  const { id = '', topicId = null } = useParams();
  const { data, error } = useLoad(`topic-form:${id}:${topicId}`, (signal) =>
    loadForm(id, topicId, signal),
  );
  if (!data) return <LoadState error={error} />;

  return <TopicForm conversation={data.conversation} initial={data.initial} topicId={topicId} />;
}

export function TopicFormPage() {
  return <RequireSignIn>{() => <TopicFormLoader />}</RequireSignIn>;
}
