import type { Tag, ThemeRun, ThemeSettings, ThemesOverview } from '@razgovor/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { RequireSignIn } from '../../components/RequireSignIn';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { followConversation } from '../../live/socket';
import { Link, useParams } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { pick } from '../../talk/text';
import { FacilitatorOnly } from '../moderation/FacilitatorOnly';
import { useConversation } from '../moderation/useConversation';
import { Bars } from '../polls/ResultBars';
import { RunPanel } from './RunPanel';
import { TagsPanel } from './TagsPanel';
import { ThemeCard, ThemeComments } from './ThemeCard';
import './themes.css';

function SettingsForm(props: { conversationId: string; settings: ThemeSettings }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(props.settings);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      const saved = await call('updateThemeSettings', {
        params: { id: props.conversationId },
        body: {
          rerunAfterComments: draft.rerunAfterComments,
          rerunAfterMinutes: draft.rerunAfterMinutes,
          isPublished: draft.isPublished,
        },
      });
      setDraft(saved);
      setNotice(t('themes.changed'));
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <details className="card">
      <summary>{t('themes.settings')}</summary>
      <form onSubmit={(event) => void save(event)}>
        <div className="field">
          <label htmlFor="rerun-comments">{t('themes.rerunAfterComments')}</label>
          <input
            id="rerun-comments"
            type="number"
            min={1}
            value={draft.rerunAfterComments}
            onChange={(event) =>
              setDraft({ ...draft, rerunAfterComments: Number(event.target.value) })
            }
          />
        </div>
        <div className="field">
          <label htmlFor="rerun-minutes">{t('themes.rerunAfterMinutes')}</label>
          <input
            id="rerun-minutes"
            type="number"
            min={1}
            value={draft.rerunAfterMinutes}
            onChange={(event) =>
              setDraft({ ...draft, rerunAfterMinutes: Number(event.target.value) })
            }
          />
        </div>
        <div className="field field--check">
          <input
            id="publish-themes"
            type="checkbox"
            checked={draft.isPublished}
            onChange={(event) => setDraft({ ...draft, isPublished: event.target.checked })}
          />
          <label htmlFor="publish-themes">{t('themes.publish')}</label>
        </div>
        {failure !== null && <p role="alert">{errorMessage(t, failure)}</p>}
        {notice && <p role="status">{notice}</p>}
        <button type="submit" className="button button--secondary">
          {t('themes.save')}
        </button>
      </form>
    </details>
  );
}

function Explorer({ conversationId }: { conversationId: string }) {
  const { t } = useI18n();
  const [overview, setOverview] = useState<ThemesOverview | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [active, setActive] = useState<Record<string, ThemeRun>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const [isShowingOther, setShowingOther] = useState(false);
  const reload = () => setVersion((value) => value + 1);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      call('getThemes', { params: { id: conversationId }, signal: controller.signal }),
      call('listTags', { params: { id: conversationId }, signal: controller.signal }),
    ])
      .then(([loaded, tagList]) => {
        setOverview(loaded);
        setTags(tagList.items);
        setActive((previous) => {
          const next = { ...previous };
          for (const run of loaded.runs) {
            if (run.status === 'queued' || run.status === 'running') next[run.id] = run;
          }

          return next;
        });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFailure(error);
      });

    return () => controller.abort();
  }, [conversationId, version]);

  useEffect(
    () =>
      followConversation(conversationId, (envelope) => {
        if (envelope.type === 'theme_run.updated') {
          const { run } = envelope.payload;
          const isOver = run.status === 'completed' || run.status === 'failed';
          setActive((previous) => {
            const next = { ...previous };
            if (isOver) delete next[run.id];
            else next[run.id] = run;

            return next;
          });
          if (isOver) reload();
        } else if (envelope.type === 'themes.changed') {
          reload();
        }
      }),
    [conversationId],
  );

  if (!overview) return failure ? <p role="alert">{errorMessage(t, failure)}</p> : null;

  const total = overview.themes.reduce((sum, theme) => sum + theme.size, 0) + overview.otherCount;
  const choices = overview.themes.map((theme) => ({ id: theme.id, label: theme.label }));
  const bars = overview.themes.map((theme) => ({
    label: theme.label,
    value: theme.size,
    text: String(theme.size),
  }));
  const activeRuns = Object.values(active).sort((a, b) => a.number - b.number);

  return (
    <>
      <RunPanel
        overview={overview}
        activeRuns={activeRuns}
        onRequested={(run) => setActive((previous) => ({ ...previous, [run.id]: run }))}
      />
      <SettingsForm
        key={JSON.stringify(overview.settings)}
        conversationId={conversationId}
        settings={overview.settings}
      />
      {overview.themes.length > 0 && (
        <section aria-labelledby="sizes-heading">
          <h2 id="sizes-heading">{t('themes.sizes')}</h2>
          <Bars
            bars={bars}
            max={Math.max(...bars.map((bar) => bar.value))}
            label={t('themes.sizesLabel')}
          />
        </section>
      )}
      {overview.unplacedCount > 0 && (
        <p>{t('themes.unplaced', { count: overview.unplacedCount })}</p>
      )}
      <div className="card-list">
        {overview.themes.map((theme) => (
          <ThemeCard
            key={theme.id}
            theme={theme}
            total={total}
            conversationId={conversationId}
            choices={choices}
            tags={tags}
            onChanged={reload}
          />
        ))}
      </div>
      {overview.currentRun && (
        <section className="card" aria-labelledby="other-heading">
          <h2 id="other-heading">{t('themes.other')}</h2>
          <p>{t('themes.otherCount', { count: overview.otherCount })}</p>
          <button
            type="button"
            className="button button--link"
            aria-expanded={isShowingOther}
            onClick={() => setShowingOther((value) => !value)}
          >
            {isShowingOther ? t('themes.hideComments') : t('themes.showComments')}
          </button>
          {isShowingOther && (
            <ThemeComments
              conversationId={conversationId}
              themeId={null}
              choices={choices}
              tags={tags}
              onChanged={reload}
            />
          )}
        </section>
      )}
      <TagsPanel conversationId={conversationId} tags={tags} onChanged={reload} />
    </>
  );
}

/** The analysts' theme explorer: runs with live progress, themes, quotes, curation and tags. */
export function ThemesPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useConversation(id, { live: true });

  return (
    <RequireSignIn>
      {(me) => {
        if (!data) return <LoadState error={error} />;
        const { conversation } = data;
        const isAllowed =
          conversation.canFacilitate || me.roles.includes('analyst') || me.roles.includes('admin');

        return (
          <FacilitatorOnly conversation={conversation} allowed={isAllowed}>
            <Page title={t('themes.title')} width="wide">
              <p className="breadcrumb">
                <Link to={`/conversations/${conversation.slug}`}>
                  {t('topic.back', { title: pick(conversation.title, locale) })}
                </Link>
              </p>
              <Explorer conversationId={conversation.id} />
            </Page>
          </FacilitatorOnly>
        );
      }}
    </RequireSignIn>
  );
}
