import type { Tag, TagSuggestion } from '@razgovor/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';

/** The codebook: tags with their counts, a form for a new one, and suggestions to decide on. */
export function TagsPanel(props: { conversationId: string; tags: Tag[]; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [nameBg, setNameBg] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [suggestions, setSuggestions] = useState<TagSuggestion[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const params = { id: props.conversationId };
  const nameOf = (tag: Tag | undefined) =>
    tag ? (locale === 'en' && tag.nameEn ? tag.nameEn : tag.nameBg) : '';

  useEffect(() => {
    call('listTagSuggestions', { params: { id: props.conversationId } })
      .then((list) => setSuggestions(list.items))
      .catch((error: unknown) => setFailure(error));
  }, [props.conversationId]);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      await call('createTag', { params, body: { nameBg, nameEn } });
      setNameBg('');
      setNameEn('');
      setFailure(null);
      props.onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  const suggest = async () => {
    try {
      const result = await call('suggestTags', { params });
      setSummary(t('tags.suggested', { count: result.suggested, trained: result.trainedOn }));
      setSuggestions((await call('listTagSuggestions', { params })).items);
    } catch (error) {
      setFailure(error);
    }
  };

  const decide = async (suggestion: TagSuggestion, accept: boolean) => {
    try {
      await call('decideTagSuggestion', {
        params,
        body: { commentId: suggestion.commentId, tagId: suggestion.tagId, accept },
      });
      setSuggestions((previous) =>
        previous.filter(
          (item) => item.commentId !== suggestion.commentId || item.tagId !== suggestion.tagId,
        ),
      );
      if (accept) props.onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section className="card" aria-labelledby="tags-heading">
      <h2 id="tags-heading">{t('tags.title')}</h2>
      {props.tags.length === 0 ? (
        <p>{t('tags.none')}</p>
      ) : (
        <ul>
          {props.tags.map((tag) => (
            <li key={tag.id}>
              {nameOf(tag)}{' '}
              <span className="meta">{t('tags.count', { count: tag.commentCount })}</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void add(event)}>
        <div className="field">
          <label htmlFor="tag-name-bg">{t('tags.name')}</label>
          <input
            id="tag-name-bg"
            value={nameBg}
            required
            maxLength={60}
            onChange={(event) => setNameBg(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="tag-name-en">{t('tags.nameEn')}</label>
          <input
            id="tag-name-en"
            value={nameEn}
            maxLength={60}
            onChange={(event) => setNameEn(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t('tags.add')}
        </button>
      </form>
      {failure !== null && <p role="alert">{errorMessage(t, failure)}</p>}
      <p className="actions">
        <button type="button" className="button button--secondary" onClick={() => void suggest()}>
          {t('tags.suggest')}
        </button>
      </p>
      {summary && <p role="status">{summary}</p>}
      {suggestions.length > 0 && (
        <>
          <h3>{t('tags.suggestions')}</h3>
          <ul className="quote-list">
            {suggestions.map((suggestion) => (
              <li key={`${suggestion.commentId}:${suggestion.tagId}`}>
                <blockquote>{suggestion.body}</blockquote>
                <p className="meta">
                  {nameOf(props.tags.find((tag) => tag.id === suggestion.tagId))} ·{' '}
                  {t('themes.confidence', { value: Math.round(suggestion.confidence * 100) })} ·{' '}
                  <Link to={`/comments/${suggestion.commentId}`}>{t('themes.openComment')}</Link>
                </p>
                <p className="actions">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void decide(suggestion, true)}
                  >
                    {t('tags.accept')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void decide(suggestion, false)}
                  >
                    {t('tags.reject')}
                  </button>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
