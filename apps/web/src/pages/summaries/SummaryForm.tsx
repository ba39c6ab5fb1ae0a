import type { Summary } from '@razgovor/contracts';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Status } from '../../components/Status';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n/i18n';
import { MarkdownField } from '../../talk/MarkdownField';

interface SummaryFormProps {
  topicId: string;
  /** The root comment of the thread to summarise; absent for the whole topic. */
  commentId?: string;
  /** The text of the disclosure that opens the form. */
  label: string;
  onPublished: (summary: Summary) => void;
}

/** Facilitators publish a new version of a topic's (or a thread's) summary in both languages. */
export function SummaryForm({ topicId, commentId, label, onPublished }: SummaryFormProps) {
  const t = useT();
  const form = useForm();
  const [bg, setBg] = useState('');
  const [en, setEn] = useState('');
  const [isDone, setDone] = useState(false);
  const labels = { 'body.bg': t('summary.bodyBg'), 'body.en': t('summary.bodyEn') };
  const scope = commentId ? `thread-${commentId}` : undefined;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    void form.run(async () => {
      const summary = await call('publishSummary', {
        params: { id: topicId },
        body: { body: { bg, en }, commentId: commentId ?? null },
      });
      onPublished(summary);
      setBg('');
      setEn('');
      setDone(true);
    });
  };

  return (
    <details className="card summary-form">
      <summary>{label}</summary>
      <form onSubmit={handleSubmit} className="form" noValidate>
        <ErrorSummary form={form} labels={labels} scope={scope} />
        <MarkdownField
          name="body.bg"
          label={labels['body.bg']}
          value={bg}
          onChange={setBg}
          error={form.fieldErrors['body.bg']}
          scope={scope}
        />
        <MarkdownField
          name="body.en"
          label={labels['body.en']}
          value={en}
          onChange={setEn}
          error={form.fieldErrors['body.en']}
          scope={scope}
        />
        <button type="submit" disabled={form.isSubmitting}>
          {t('summary.publish')}
        </button>
        <Status tone="success">{isDone && t('summary.published')}</Status>
      </form>
    </details>
  );
}
