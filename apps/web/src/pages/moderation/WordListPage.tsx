import {
  moderationLimits,
  wordListActions,
  type WordListActionName,
  type WordListEntryView,
  type WordListTestResult,
} from '@razgovor/contracts';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { RequireSignIn } from '../../components/RequireSignIn';
import { Status } from '../../components/Status';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';
import { useParams } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { FacilitatorOnly } from './FacilitatorOnly';
import { ModerationNav } from './ModerationNav';
import { useConversation } from './useConversation';

interface Draft {
  pattern: string;
  action: WordListActionName;
  matchInflections: boolean;
  wholeWord: boolean;
}

const emptyDraft: Draft = { pattern: '', action: 'hold', matchInflections: true, wholeWord: true };

function EntryFields({ draft, onChange }: { draft: Draft; onChange: (draft: Draft) => void }) {
  const t = useT();
  const id = useId();

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-pattern`}>{t('wordList.pattern')}</label>
        <input
          id={`${id}-pattern`}
          value={draft.pattern}
          maxLength={moderationLimits.patternMax}
          onChange={(event) => onChange({ ...draft, pattern: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('wordList.action')}</label>
        <select
          id={`${id}-action`}
          value={draft.action}
          onChange={(event) =>
            onChange({ ...draft, action: event.target.value as WordListActionName })
          }
        >
          {wordListActions.map((action) => (
            <option key={action} value={action}>
              {t(`wordAction.${action}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.matchInflections}
          onChange={(event) => onChange({ ...draft, matchInflections: event.target.checked })}
        />
        {t('wordList.inflections')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.wholeWord}
          onChange={(event) => onChange({ ...draft, wholeWord: event.target.checked })}
        />
        {t('wordList.wholeWord')}
      </label>
    </>
  );
}

interface EntryRowProps {
  conversationId: string;
  entry: WordListEntryView;
  onSaved: (entry: WordListEntryView) => void;
  onRemoved: (id: string) => void;
}

function EntryRow({ conversationId, entry, onSaved, onRemoved }: EntryRowProps) {
  const t = useT();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const params = { id: conversationId, entryId: entry.id };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!draft) return;
    setFailure(null);
    try {
      onSaved(await call('updateWordListEntry', { params, body: draft }));
      setDraft(null);
    } catch (error) {
      setFailure(error);
    }
  };

  const remove = async () => {
    if (!window.confirm(t('wordList.removeConfirm', { pattern: entry.pattern }))) return;
    try {
      await call('removeWordListEntry', { params });
      onRemoved(entry.id);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <li className="word-list__entry">
      {draft ? (
        <form className="word-list__form" onSubmit={(event) => void save(event)} noValidate>
          <EntryFields draft={draft} onChange={setDraft} />
          <p className="actions">
            <button type="submit">{t('wordList.save')}</button>
            <button type="button" className="button--secondary" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
          </p>
        </form>
      ) : (
        <>
          <span className="word-list__pattern">{entry.pattern}</span>
          <span className={`badge badge--${entry.action}`}>{t(`wordAction.${entry.action}`)}</span>
          <span className="meta">
            {entry.matchInflections && t('wordList.inflections')}
            {entry.wholeWord && ` · ${t('wordList.wholeWord')}`}
          </span>
          <button
            type="button"
            className="button--link"
            aria-label={t('wordList.editEntry', { pattern: entry.pattern })}
            onClick={() => setDraft({ ...entry })}
          >
            {t('wordList.edit')}
          </button>
          <button
            type="button"
            className="button--link"
            aria-label={t('wordList.removeEntry', { pattern: entry.pattern })}
            onClick={() => void remove()}
          >
            {t('wordList.remove')}
          </button>
        </>
      )}
      {failure !== null && (
        <p role="alert" className="field__error">
          {errorMessage(t, failure)}
        </p>
      )}
    </li>
  );
}

function Tester({
  conversationId,
  entries,
}: {
  conversationId: string;
  entries: WordListEntryView[];
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [result, setResult] = useState<WordListTestResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const patterns = new Map(entries.map((entry) => [entry.id, entry.pattern]));

  const test = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    try {
      setResult(await call('testWordList', { params: { id: conversationId }, body: { text } }));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section className="card" aria-labelledby="tester-title">
      <h2 id="tester-title">{t('wordList.tester')}</h2>
      <form onSubmit={(event) => void test(event)} noValidate>
        <div className="field">
          <label htmlFor="tester-text">{t('wordList.testText')}</label>
          <textarea
            id="tester-text"
            rows={3}
            maxLength={moderationLimits.testTextMax}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit">{t('wordList.test')}</button>
      </form>
      <div role="status" aria-live="polite">
        {result && result.matches.length === 0 && <p>{t('wordList.noMatch')}</p>}
        {result && result.action && (
          <p>
            <strong>{t('wordList.outcome', { action: t(`wordAction.${result.action}`) })}</strong>
          </p>
        )}
        {result && result.matches.length > 0 && (
          <ul className="word-list__matches">
            {result.matches.map((match, index) => (
              <li key={index}>
                {t('wordList.match', {
                  text: match.text,
                  pattern: patterns.get(match.entryId) ?? '?',
                  action: t(`wordAction.${match.action}`),
                  start: match.start,
                })}
              </li>
            ))}
          </ul>
        )}
      </div>
      {failure !== null && <p role="alert">{errorMessage(t, failure)}</p>}
    </section>
  );
}

function WordList({ conversationId }: { conversationId: string }) {
  const t = useT();
  const [entries, setEntries] = useState<WordListEntryView[] | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    call('listWordList', { params: { id: conversationId }, signal: controller.signal })
      .then((list) => setEntries(list.items))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setNotice({ ok: false, text: errorMessage(t, error) });
      });

    return () => controller.abort();
  }, [conversationId, t]);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft.pattern.trim() === '') {
      setNotice({ ok: false, text: t('validation.required') });

      return;
    }

    try {
      const entry = await call('addWordListEntry', {
        params: { id: conversationId },
        body: { ...draft, pattern: draft.pattern.trim() },
      });
      setEntries((previous) => [entry, ...(previous ?? [])]);
      setDraft(emptyDraft);
      setNotice({ ok: true, text: t('wordList.added', { pattern: entry.pattern }) });
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(t, error) });
    }
  };

  const replace = (entry: WordListEntryView) =>
    setEntries((previous) => previous?.map((item) => (item.id === entry.id ? entry : item)) ?? []);

  return (
    <>
      <form className="card word-list__form" onSubmit={(event) => void add(event)} noValidate>
        <h2>{t('wordList.add')}</h2>
        <EntryFields draft={draft} onChange={setDraft} />
        <button type="submit">{t('wordList.addSubmit')}</button>
        <Status tone={notice?.ok === false ? 'error' : 'success'}>{notice?.text}</Status>
      </form>
      <Tester conversationId={conversationId} entries={entries ?? []} />
      <h2>{t('wordList.entries', { count: entries?.length ?? 0 })}</h2>
      {entries?.length === 0 && <p>{t('wordList.empty')}</p>}
      <ul className="word-list">
        {entries?.map((entry) => (
          <EntryRow
            key={entry.id}
            conversationId={conversationId}
            entry={entry}
            onSaved={replace}
            onRemoved={(id) =>
              setEntries((previous) => previous?.filter((item) => item.id !== id) ?? [])
            }
          />
        ))}
      </ul>
    </>
  );
}

export function WordListPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { data, error } = useConversation(id);

  if (!data) return <LoadState error={error} />;

  return (
    <RequireSignIn>
      {() => (
        <FacilitatorOnly conversation={data.conversation}>
          <Page title={t('wordList.title')} width="wide">
            <ModerationNav conversation={data.conversation} />
            <WordList conversationId={data.conversation.id} />
          </Page>
        </FacilitatorOnly>
      )}
    </RequireSignIn>
  );
}
