import {
  createPollRequest,
  pollKinds,
  resultVisibilities,
  type Poll,
  type PollKind,
  type Topic,
} from '@razgovor/contracts';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldId, SelectField, TextField } from '../../components/Field';
import { useForm } from '../../forms/useForm';
import { useI18n } from '../../i18n/i18n';
import { pick, toInstant } from '../../talk/text';
import { BilingualFields } from '../facilitate/BilingualFields';

const withOptions = new Set<PollKind>(['single', 'multiple', 'ranking', 'budget']);

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

interface PollFormProps {
  conversationId: string;
  topics: Topic[];
  onCreated: (poll: Poll) => void;
}

/** A facilitator's new poll: the kind, the question and its options in both languages. */
export function PollForm({ conversationId, topics, onCreated }: PollFormProps) {
  const { t, locale } = useI18n();
  const form = useForm();
  const [kind, setKind] = useState<PollKind>('single');
  const [question, setQuestion] = useState({ bg: '', en: '' });
  const [optionsBg, setOptionsBg] = useState('');
  const [optionsEn, setOptionsEn] = useState('');
  const [maxChoices, setMaxChoices] = useState('');
  const [budgetTotal, setBudgetTotal] = useState('');
  const [visibility, setVisibility] = useState<string>('after-answer');
  const [topicId, setTopicId] = useState('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const labels: Record<string, string> = {
    'question.bg': t('polls.form.questionBg'),
    'question.en': t('polls.form.questionEn'),
    options: t('polls.form.optionsBg'),
    maxChoices: t('polls.form.maxChoices'),
    budgetTotal: t('polls.form.budgetTotal'),
    closesAt: t('polls.form.closesAt'),
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const bg = lines(optionsBg);
    const en = lines(optionsEn);
    const body = {
      kind,
      question,
      options: withOptions.has(kind)
        ? bg.map((label, index) => ({ bg: label, en: en[index] ?? '' }))
        : [],
      maxChoices: kind === 'multiple' && maxChoices ? Number(maxChoices) : null,
      budgetTotal: kind === 'budget' && budgetTotal ? Number(budgetTotal) : null,
      resultVisibility: visibility as (typeof resultVisibilities)[number],
      topicId: topicId || null,
      opensAt: toInstant(opensAt),
      closesAt: toInstant(closesAt),
    };
    if (!form.validate(createPollRequest, body)) return;

    void form.run(async () => {
      const created = await call('createPoll', { params: { id: conversationId }, body });
      setQuestion({ bg: '', en: '' });
      setOptionsBg('');
      setOptionsEn('');
      onCreated(created);
    });
  };

  return (
    <form onSubmit={handleSubmit} className="form" noValidate aria-label={t('polls.form.title')}>
      <ErrorSummary form={form} labels={labels} />
      <SelectField
        name="kind"
        label={t('polls.form.kind')}
        value={kind}
        options={pollKinds.map((value) => ({ value, label: t(`polls.kind.${value}`) }))}
        onChange={(value) => setKind(value as PollKind)}
      />
      <BilingualFields
        name="question"
        labels={{ bg: 'polls.form.questionBg', en: 'polls.form.questionEn' }}
        value={question}
        onChange={setQuestion}
        form={form}
      />
      {withOptions.has(kind) && (
        <>
          {(
            [
              ['optionsBg', optionsBg, setOptionsBg, 'polls.form.optionsBg'],
              ['optionsEn', optionsEn, setOptionsEn, 'polls.form.optionsEn'],
            ] as const
          ).map(([name, value, setValue, label]) => (
            <div className="field" key={name}>
              <label htmlFor={fieldId(name)}>{t(label)}</label>
              <p className="field__hint">{t('polls.form.optionsHint')}</p>
              <textarea
                id={fieldId(name)}
                rows={4}
                value={value}
                onChange={(event) => setValue(event.target.value)}
              />
            </div>
          ))}
          {form.fieldErrors.options && <p className="field__error">{form.fieldErrors.options}</p>}
        </>
      )}
      {kind === 'multiple' && (
        <TextField
          name="maxChoices"
          type="number"
          label={labels.maxChoices!}
          value={maxChoices}
          onChange={setMaxChoices}
          error={form.fieldErrors.maxChoices}
        />
      )}
      {kind === 'budget' && (
        <TextField
          name="budgetTotal"
          type="number"
          label={labels.budgetTotal!}
          hint={t('polls.form.budgetHint')}
          value={budgetTotal}
          onChange={setBudgetTotal}
          error={form.fieldErrors.budgetTotal}
        />
      )}
      <SelectField
        name="topicId"
        label={t('polls.form.topic')}
        value={topicId}
        allowEmpty
        options={topics.map((topic) => ({ value: topic.id, label: pick(topic.title, locale) }))}
        onChange={setTopicId}
      />
      <SelectField
        name="resultVisibility"
        label={t('polls.form.visibility')}
        value={visibility}
        options={resultVisibilities.map((value) => ({
          value,
          label: t(`polls.visibility.${value}`),
        }))}
        onChange={setVisibility}
      />
      <TextField
        name="opensAt"
        type="datetime-local"
        label={t('polls.form.opensAt')}
        value={opensAt}
        onChange={setOpensAt}
      />
      <TextField
        name="closesAt"
        type="datetime-local"
        label={labels.closesAt!}
        value={closesAt}
        onChange={setClosesAt}
        error={form.fieldErrors.closesAt}
      />
      <button type="submit" disabled={form.isSubmitting}>
        {t('polls.form.create')}
      </button>
    </form>
  );
}
