import { moderationLimits } from '@razgovor/contracts';
import { useId, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';

export interface Span {
  start: number;
  end: number;
}

/** The offsets of the current selection inside `element`, if the selection lies wholly in it. */
export function selectionIn(element: HTMLElement | null): Span | null {
  const selection = window.getSelection();
  if (!element || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) {
    return null;
  }

  const before = document.createRange();
  before.selectNodeContents(element);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;

  return { start, end: start + range.toString().length };
}

interface RedactFormProps {
  commentId: string;
  body: string;
  span: Span | null;
  onSpan: (span: Span | null) => void;
  onDone: () => void;
}

/** Cuts personal data out of a comment: select it in the text, or type it, then confirm. */
export function RedactForm({ commentId, body, span, onSpan, onDone }: RedactFormProps) {
  const t = useT();
  const id = useId();
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const chosen = span ? body.slice(span.start, span.end) : '';

  const typeText = (text: string) => {
    const at = text === '' ? -1 : body.indexOf(text);
    onSpan(at < 0 ? null : { start: at, end: at + text.length });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!span) return;
    setSaving(true);
    setFailure(null);
    try {
      await call('redactComment', {
        params: { id: commentId },
        body: { ...span, ...(note.trim() && { note: note.trim() }) },
      });
      onSpan(null);
      onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="queue__form" onSubmit={(event) => void submit(event)} noValidate>
      <p id={`${id}-hint`} className="field__hint">
        {t('redact.hint')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('redact.text')}</label>
        <input
          id={`${id}-text`}
          value={chosen}
          aria-describedby={`${id}-hint`}
          onChange={(event) => typeText(event.target.value)}
        />
      </div>
      {span && (
        <p className="redact__preview">
          {body.slice(0, span.start)}
          <mark>{chosen}</mark>
          {body.slice(span.end)}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('moderation.privateNote')}</label>
        <input
          id={`${id}-note`}
          value={note}
          maxLength={moderationLimits.noteMax}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <button type="submit" disabled={!span || isSaving}>
        {t('redact.submit')}
      </button>
      {failure !== null && (
        <p role="alert" className="field__error">
          {errorMessage(t, failure)}
        </p>
      )}
    </form>
  );
}
