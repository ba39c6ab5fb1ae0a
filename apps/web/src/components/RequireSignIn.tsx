import type { Me, Role } from '@razgovor/contracts';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { Link, useLocation } from '../router/router';
import { useSession } from '../session/session';
import { Page } from './Page';
import { Status } from './Status';

interface RequireSignInProps {
  /** When given, the person needs this role too; others see a "not allowed" page. */
  role?: Role;
  children: (me: Me) => ReactNode;
}

export function RequireSignIn({ role, children }: RequireSignInProps) {
  const t = useT();
  const { me, isLoading } = useSession();
  const { href } = useLocation();

  if (isLoading) return <Status>{t('common.loading')}</Status>;
  if (!me) {
    return (
      <Page title={t('signInRequired.title')}>
        <p>{t('signInRequired.body')}</p>
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(href)}`} className="button">
            {t('nav.signIn')}
          </Link>
        </p>
      </Page>
    );
  }

  if (role && !me.roles.includes(role)) {
    return (
      <Page title={t('notAllowed.title')}>
        <p>{t('notAllowed.body')}</p>
        <p>
          <Link to="/">{t('common.toHome')}</Link>
        </p>
      </Page>
    );
  }

  return children(me);
}
