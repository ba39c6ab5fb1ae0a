import type { Tag, Theme, ThemeComment, ThemeCommentPage } from '@razgovor/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { QuoteSource } from './QuoteSource';

export interface ThemeChoice {
  id: string;
  label: string;
}

/** A small weekly line, with the counts written out for screen readers. */
function Trend({ trend, label }: { trend: Theme['trend']; label: string }) {
  if (trend.length === 0) return null;
  const max = Math.max(...trend.map((point) => point.count), 1);
  const width = 100;
  const height = 24;
  const step = trend.length > 1 ? width / (trend.length - 1) : 0;
  const points = trend
    .map((point, i) => `${i * step},${height - (point.count / max) * (height - 2) - 1}`)
    .join(' ');
  const text = trend.map((point) => `${point.week}: ${point.count}`).join(', ');

  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true" preserveAspectRatio="none">
        <polyline points={points} className="trend__line" />
      </svg>
      <figcaption>
        {label}: <span className="meta">{text}</span>
      </figcaption>
    </figure>
  );
}

function RenameForm(props: { theme: Theme; onDone: (theme: Theme | null) => void }) {
  const { t } = useI18n();
  const [labelBg, setLabelBg] = useState(props.theme.labelBg ?? props.theme.label);
  const [labelEn, setLabelEn] = useState(props.theme.labelEn ?? '');
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      const theme = await call('updateTheme', {
        params: { id: props.theme.id },
        body: { labelBg: labelBg.trim() || null, labelEn: labelEn.trim() || null },
      });
      props.onDone(theme);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="rename-form">
      <div className="field">
        <label htmlFor={`bg-${props.theme.id}`}>{t('themes.labelBg')}</label>
        <input
          id={`bg-${props.theme.id}`}
          value={labelBg}
          maxLength={120}
          onChange={(event) => setLabelBg(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`en-${props.theme.id}`}>{t('themes.labelEn')}</label>
        <input
          id={`en-${props.theme.id}`}
          value={labelEn}
          maxLength={120}
          onChange={(event) => setLabelEn(event.target.value)}
        />
      </div>
      {failure !== null && <p role="alert">{errorMessage(t, failure)}</p>}
      <p className="actions">
        <button type="submit" className="button">
          {t('themes.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => props.onDone(null)}
        >
          {t('themes.cancel')}
        </button>
      </p>
    </form>
  );
}

/** Every comment of a theme (or of "other"), with a way to move each elsewhere. */
export function ThemeComments(props: {
  conversationId: string;
  themeId: string | null;
  choices: ThemeChoice[];
  tags: Tag[];
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState<ThemeCommentPage | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [tagChoices, setTagChoices] = useState<Record<string, string>>({});

  const tag = async (comment: ThemeComment) => {
    const tagId = tagChoices[comment.id] ?? props.tags[0]?.id;
    if (!tagId || !comment.commentId) return;
    try {
      await call('tagComment', { params: { id: comment.commentId }, body: { tagId } });
      setPage(
        (previous) =>
          previous && {
            ...previous,
            items: previous.items.map((item) =>
              item.id === comment.id
                ? { ...item, tagIds: [...new Set([...item.tagIds, tagId])] }
                : item,
            ),
          },
      );
    } catch (error) {
      setFailure(error);
    }
  };

  const tagName = (id: string) => {
    const found = props.tags.find((item) => item.id === id);

    return found ? (locale === 'en' && found.nameEn ? found.nameEn : found.nameBg) : id;
  };

  const load = async (cursor?: string) => {
    try {
      const next = props.themeId
        ? await call('listThemeComments', { params: { id: props.themeId }, query: { cursor } })
        : await call('listOtherComments', {
            params: { id: props.conversationId },
            query: { cursor },
          });
      setPage((previous) =>
        previous && cursor ? { ...next, items: [...previous.items, ...next.items] } : next,
      );
    } catch (error) {
      setFailure(error);
    }
  };

  useEffect(() => {
    void load();
    // Loaded once when opened; moves update the list in place.
  }, [props.themeId]);

  const move = async (comment: ThemeComment) => {
    const target = targets[comment.id] ?? '';
    if (!comment.commentId) return;
    try {
      await call('moveThemeComments', {
        params: { id: props.conversationId },
        body: { commentIds: [comment.commentId], themeId: target === '' ? null : target },
      });
      setPage(
        (previous) =>
          previous && {
            ...previous,
            items: previous.items.filter((item) => item.id !== comment.id),
          },
      );
      props.onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <div className="theme-comments">
      {failure !== null && <p role="alert">{errorMessage(t, failure)}</p>}
      <ul className="quote-list">
        {page?.items.map((comment) => (
          <li key={comment.id}>
            <blockquote lang={comment.language}>{comment.body}</blockquote>
            <p className="meta">
              {t('themes.confidence', { value: Math.round(comment.confidence * 100) })} ·{' '}
              <QuoteSource quote={comment} conversationId={props.conversationId} />
            </p>
            {/* TODO: moving and tagging open answers; safe: runs and placement keep them placed. */}
            {comment.kind === 'comment' && (
              <p className="inline-form">
                <label htmlFor={`move-${comment.id}`}>{t('themes.moveTo')}</label>{' '}
                <select
                  id={`move-${comment.id}`}
                  value={targets[comment.id] ?? ''}
                  onChange={(event) =>
                    setTargets((previous) => ({
                      ...previous,
                      [comment.id]: event.target.value,
                    }))
                  }
                >
                  <option value="">{t('themes.other')}</option>
                  {props.choices
                    .filter((choice) => choice.id !== props.themeId)
                    .map((choice) => (
                      <option key={choice.id} value={choice.id}>
                        {choice.label}
                      </option>
                    ))}
                </select>{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void move(comment)}
                >
                  {t('themes.move')}
                </button>
              </p>
            )}
            {comment.tagIds.length > 0 && (
              <p className="meta">
                {t('tags.title')}: {comment.tagIds.map(tagName).join(', ')}
              </p>
            )}
            {props.tags.length > 0 && comment.kind === 'comment' && (
              <p className="inline-form">
                <label htmlFor={`tag-${comment.id}`}>{t('tags.tag')}</label>{' '}
                <select
                  id={`tag-${comment.id}`}
                  value={tagChoices[comment.id] ?? props.tags[0].id}
                  onChange={(event) =>
                    setTagChoices((previous) => ({
                      ...previous,
                      [comment.id]: event.target.value,
                    }))
                  }
                >
                  {props.tags.map((item) => (
                    <option key={item.id} value={item.id}>
                      {tagName(item.id)}
                    </option>
                  ))}
                </select>{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void tag(comment)}
                >
                  {t('tags.apply')}
                </button>
              </p>
            )}
          </li>
        ))}
      </ul>
      {page?.nextCursor && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void load(page.nextCursor ?? undefined)}
        >
          {t('themes.more')}
        </button>
      )}
    </div>
  );
}

/** One theme: what it is, how big, what people wrote, and the curation actions. */
export function ThemeCard(props: {
  theme: Theme;
  total: number;
  conversationId: string;
  choices: ThemeChoice[];
  tags: Tag[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { theme } = props;
  const [isRenaming, setRenaming] = useState(false);
  const [isShowingComments, setShowingComments] = useState(false);
  const [mergeTarget, setMergeTarget] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const share = props.total > 0 ? Math.round((theme.size / props.total) * 100) : 0;
  const headingId = `theme-${theme.id}`;

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setFailure(null);
      props.onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  const flag = (body: { isPinned?: boolean; isHidden?: boolean }) =>
    act(() => call('updateTheme', { params: { id: theme.id }, body }));
  const split = () => act(() => call('splitTheme', { params: { id: theme.id }, body: {} }));
  const merge = () =>
    act(() =>
      call('mergeThemes', {
        params: { id: props.conversationId },
        body: { themeIds: [theme.id], intoId: mergeTarget },
      }),
    );

  return (
    <article
      className={`card theme-card${theme.isHidden ? ' theme-card--hidden' : ''}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{theme.label}</h3>
      <p className="meta">
        {t('themes.commentsCount', { count: theme.size, share })}
        {theme.isPinned && <span className="badge">{t('themes.pinned')}</span>}
        {theme.isHidden && <span className="badge">{t('themes.hidden')}</span>}
      </p>
      {(theme.labelBg || theme.labelEn) && (
        <p className="meta">{t('themes.autoLabel', { label: theme.autoLabel })}</p>
      )}
      <p>
        <strong>{t('themes.terms')}:</strong> {theme.terms.join(', ')}
      </p>
      <p className="meta">
        {t('themes.stances', { agree: theme.agree, disagree: theme.disagree })}
      </p>
      <Trend trend={theme.trend} label={t('themes.trend')} />
      <h4>{t('themes.quotes')}</h4>
      <ul className="quote-list">
        {theme.quotes.map((quote) => (
          <li key={quote.id}>
            <blockquote lang={quote.language}>{quote.body}</blockquote>
            <QuoteSource quote={quote} conversationId={props.conversationId} />
          </li>
        ))}
      </ul>
      {failure !== null && <p role="alert">{errorMessage(t, failure)}</p>}
      {isRenaming ? (
        <RenameForm
          theme={theme}
          onDone={(updated) => {
            setRenaming(false);
            if (updated) props.onChanged();
          }}
        />
      ) : (
        <p className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRenaming(true)}
          >
            {t('themes.rename')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void flag({ isPinned: !theme.isPinned })}
          >
            {theme.isPinned ? t('themes.unpin') : t('themes.pin')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void flag({ isHidden: !theme.isHidden })}
          >
            {theme.isHidden ? t('themes.show') : t('themes.hide')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void split()}>
            {t('themes.split')}
          </button>
        </p>
      )}
      <p className="inline-form">
        <label htmlFor={`merge-${theme.id}`}>{t('themes.mergeInto')}</label>{' '}
        <select
          id={`merge-${theme.id}`}
          value={mergeTarget}
          onChange={(event) => setMergeTarget(event.target.value)}
        >
          <option value="">—</option>
          {props.choices
            .filter((choice) => choice.id !== theme.id)
            .map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
        </select>{' '}
        <button
          type="button"
          className="button button--secondary"
          disabled={mergeTarget === ''}
          onClick={() => void merge()}
        >
          {t('themes.merge')}
        </button>
      </p>
      <button
        type="button"
        className="button button--link"
        aria-expanded={isShowingComments}
        onClick={() => setShowingComments((value) => !value)}
      >
        {isShowingComments ? t('themes.hideComments') : t('themes.showComments')}
      </button>
      {isShowingComments && (
        <ThemeComments
          conversationId={props.conversationId}
          themeId={theme.id}
          choices={props.choices}
          tags={props.tags}
          onChanged={props.onChanged}
        />
      )}
    </article>
  );
}
