import { routes, type AuditEntry, type AuditQuery } from '@razgovor/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { RequireSignIn } from '../../components/RequireSignIn';
import { errorMessage } from '../../i18n/errors';
import { hasMessage, useI18n, type Translate } from '../../i18n/i18n';
import { useParams } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { FacilitatorOnly } from './FacilitatorOnly';
import { ModerationNav } from './ModerationNav';
import { useConversation } from './useConversation';

export const auditActions = [
  'comment.held',
  'comment.flagged',
  'comment.approved',
  'comment.hidden',
  'comment.restored',
  'comment.redacted',
  'comment.appealed',
  'comment.flags_rejected',
  'person.warn',
  'person.mute',
  'person.unmute',
  'person.remove',
  'topic.slow_mode_on',
  'topic.slow_mode_off',
  'topic.moderation_changed',
  'conversation.moderation_changed',
  'word_list.added',
  'word_list.changed',
  'word_list.removed',
] as const;

export function actionLabel(t: Translate, action: string): string {
  const key = `auditAction.${action}`;

  return hasMessage(key) ? t(key) : action;
}

interface Filters {
  q: string;
  action: string;
  from: string;
  to: string;
}

const emptyFilters: Filters = { q: '', action: '', from: '', to: '' };

function toQuery(filters: Filters): AuditQuery {
  return {
    ...(filters.q.trim() && { q: filters.q.trim() }),
    ...(filters.action && { action: filters.action }),
    ...(filters.from && { from: new Date(`${filters.from}T00:00:00`).toISOString() }),
    ...(filters.to && { to: new Date(`${filters.to}T23:59:59`).toISOString() }),
  };
}

function exportHref(conversationId: string, query: AuditQuery): string {
  const search = new URLSearchParams(query as Record<string, string>).toString();
  const path = routes.exportAudit.path.replace(':id', encodeURIComponent(conversationId));

  return search ? `${path}?${search}` : path;
}

function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';

  return typeof value === 'string' ? value : JSON.stringify(value);
}

function AuditLog({ conversationId }: { conversationId: string }) {
  const { t, formatDate } = useI18n();
  const [draft, setDraft] = useState<Filters>(emptyFilters);
  const [query, setQuery] = useState<AuditQuery>({});
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    setEntries(null);
    call('searchAudit', { params: { id: conversationId }, query, signal: controller.signal })
      .then((page) => {
        setEntries(page.items);
        setNextBefore(page.nextBefore);
        setFailure(null);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFailure(error);
      });

    return () => controller.abort();
  }, [conversationId, query]);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(toQuery(draft));
  };

  const more = async () => {
    if (nextBefore === null) return;
    try {
      const page = await call('searchAudit', {
        params: { id: conversationId },
        query: { ...query, before: nextBefore },
      });
      setEntries((previous) => [...(previous ?? []), ...page.items]);
      setNextBefore(page.nextBefore);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <form className="filters" role="search" onSubmit={search} noValidate>
        <div className="field">
          <label htmlFor="audit-q">{t('audit.search')}</label>
          <input
            id="audit-q"
            type="search"
            value={draft.q}
            maxLength={200}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <select
            id="audit-action"
            value={draft.action}
            onChange={(event) => setDraft({ ...draft, action: event.target.value })}
          >
            <option value="">{t('audit.anyAction')}</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(t, action)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input
            id="audit-from"
            type="date"
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input
            id="audit-to"
            type="date"
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
        </div>
        <p className="actions">
          <button type="submit">{t('audit.apply')}</button>
          <a className="button button--secondary" href={exportHref(conversationId, query)} download>
            {t('audit.export')}
          </a>
        </p>
      </form>
      {failure !== null && <p role="alert">{errorMessage(t, failure)}</p>}
      {!entries && failure === null && <p role="status">{t('common.loading')}</p>}
      {entries?.length === 0 && <p>{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('audit.title')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.why')}</th>
                <th scope="col">{t('audit.change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.createdAt}>{formatDate(entry.createdAt)}</time>
                  </td>
                  <td>
                    {entry.actorKind === 'system'
                      ? t('audit.system')
                      : (entry.actorName ?? t('comment.deletedAuthor'))}
                  </td>
                  <td>
                    {actionLabel(t, entry.action)}
                    <span className="meta"> {entry.targetType}</span>
                  </td>
                  <td className="table__text">{entry.reason ?? '—'}</td>
                  <td className="table__text">
                    <details>
                      <summary>{t('audit.beforeAfter')}</summary>
                      <p>
                        {t('audit.before')}: <code>{showValue(entry.before)}</code>
                      </p>
                      <p>
                        {t('audit.after')}: <code>{showValue(entry.after)}</code>
                      </p>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore !== null && (
        <button type="button" className="button--secondary" onClick={() => void more()}>
          {t('common.showMore')}
        </button>
      )}
    </>
  );
}

export function AuditPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useConversation(id);

  return (
    <RequireSignIn>
      {(me) =>
        data ? (
          <FacilitatorOnly
            conversation={data.conversation}
            allowed={
              data.conversation.canFacilitate ||
              me.roles.includes('analyst') ||
              me.roles.includes('admin')
            }
          >
            <Page title={t('audit.title')} width="wide">
              {data.conversation.canFacilitate && (
                <ModerationNav conversation={data.conversation} />
              )}
              <AuditLog conversationId={data.conversation.id} />
            </Page>
          </FacilitatorOnly>
        ) : (
          <LoadState error={error} />
        )
      }
    </RequireSignIn>
  );
}
