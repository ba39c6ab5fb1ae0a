import type { Me, Role, UserPage, UserSummary } from '@razgovor/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { fieldId } from '../../components/Field';
import { Page } from '../../components/Page';
import { RequireSignIn } from '../../components/RequireSignIn';
import { Status } from '../../components/Status';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { RoleToggles } from './RoleToggles';

type Notice = { kind: 'updated'; name: string } | { kind: 'failed'; error: unknown } | null;

interface UserCardProps {
  user: UserSummary;
  me: Me;
  onSaved: (user: UserSummary) => void;
  onFailed: (error: unknown) => void;
}

function UserCard({ user, me, onSaved, onFailed }: UserCardProps) {
  const { t, formatDate } = useI18n();
  // Shown while the change is saved, so the checkbox flips at once instead of after the reply.
  const [pendingRoles, setPendingRoles] = useState<Role[] | null>(null);

  const saveRoles = async (roles: Role[]) => {
    setPendingRoles(roles);
    try {
      const updated = await call('setRoles', { params: { id: user.id }, body: { roles } });
      onSaved(updated);
    } catch (error) {
      onFailed(error);
    } finally {
      setPendingRoles(null);
    }
  };

  return (
    <li className="user card">
      <h2 className="user__name">{user.displayName}</h2>
      <p className="user__meta">
        <span>{user.email}</span>
        <span>{user.emailConfirmed ? t('admin.confirmed') : t('admin.unconfirmed')}</span>
        <span>{t('admin.joined', { date: formatDate(user.createdAt) })}</span>
      </p>
      <RoleToggles
        user={user}
        roles={pendingRoles ?? user.roles}
        isSelf={user.id === me.id}
        isSaving={pendingRoles !== null}
        onChange={(roles) => void saveRoles(roles)}
      />
    </li>
  );
}

function UserAdmin({ me }: { me: Me }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [activeSearch, setActiveSearch] = useState('');
  const [page, setPage] = useState<UserPage | null>(null);
  const [isLoading, setLoading] = useState(true);
  const [notice, setNotice] = useState<Notice>(null);
  const searchId = fieldId('search');
  const noticeText =
    notice?.kind === 'updated'
      ? t('admin.updated', { name: notice.name })
      : notice && errorMessage(t, notice.error);

  const load = async (search: string, cursor?: string) => {
    setLoading(true);
    try {
      const next = await call('listUsers', { query: { search: search || undefined, cursor } });
      setPage((previous) =>
        cursor && previous ? { ...next, items: [...previous.items, ...next.items] } : next,
      );
    } catch (error) {
      setNotice({ kind: 'failed', error });
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    void call('listUsers', { query: {}, signal: controller.signal })
      .then(setPage)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setNotice({ kind: 'failed', error });
      })
      .finally(() => setLoading(false));

    return () => controller.abort();
  }, []);

  const handleSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    setActiveSearch(query.trim());
    void load(query.trim());
  };

  const handleSaved = (updated: UserSummary) => {
    setPage(
      (previous) =>
        previous && {
          ...previous,
          items: previous.items.map((item) => (item.id === updated.id ? updated : item)),
        },
    );
    setNotice({ kind: 'updated', name: updated.displayName });
  };

  const handleFailed = (error: unknown) => {
    setNotice({ kind: 'failed', error });
  };

  return (
    <Page title={t('admin.title')} width="wide">
      <form role="search" onSubmit={handleSearch} className="search">
        <label htmlFor={searchId}>{t('admin.search')}</label>
        <div className="search__row">
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            maxLength={100}
          />
          <button type="submit">{t('admin.searchSubmit')}</button>
        </div>
      </form>
      <Status tone={notice?.kind === 'failed' ? 'error' : 'success'}>{noticeText}</Status>
      {isLoading && !page && <p>{t('common.loading')}</p>}
      {page && page.items.length === 0 && <p>{t('admin.empty')}</p>}
      {page && page.items.length > 0 && (
        <ul className="user-list" aria-busy={isLoading}>
          {page.items.map((user) => (
            <UserCard
              key={user.id}
              user={user}
              me={me}
              onSaved={handleSaved}
              onFailed={handleFailed}
            />
          ))}
        </ul>
      )}
      {page?.nextCursor && (
        <button
          type="button"
          className="button--secondary"
          disabled={isLoading}
          onClick={() => void load(activeSearch, page.nextCursor ?? undefined)}
        >
          {t('admin.loadMore')}
        </button>
      )}
    </Page>
  );
}

export function AdminUsersPage() {
  return <RequireSignIn role="admin">{(me) => <UserAdmin me={me} />}</RequireSignIn>;
}
