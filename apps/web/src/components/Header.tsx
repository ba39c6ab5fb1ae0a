import { call } from '../api/client';
import { useT } from '../i18n/i18n';
import { Link, NavLink, navigate } from '../router/router';
import { useSession } from '../session/session';
import { NotificationBell } from '../pages/notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';

function AccountMenu() {
  const t = useT();
  const session = useSession();
  const me = session.me;

  const signOut = async () => {
    try {
      await call('signOut');
    } catch (error) {
      console.warn('Sign-out request failed', error);
    } finally {
      // Even if the request failed, leaving the person looking signed in would be worse.
      session.forget();
      navigate('/');
    }
  };

  if (session.isLoading) return null;
  if (!me) {
    return (
      <>
        <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
        <NavLink to="/sign-up">{t('nav.signUp')}</NavLink>
      </>
    );
  }

  return (
    <>
      <NotificationBell />
      <NavLink to="/profile">{t('nav.profile')}</NavLink>
      {me.roles.includes('admin') && <NavLink to="/admin/users">{t('nav.admin')}</NavLink>}
      <span className="header__account">
        <span className="header__person">
          <span className="visually-hidden">{t('header.signedInAs')} </span>
          {me.displayName}
        </span>
        <button type="button" className="button--link" onClick={() => void signOut()}>
          {t('header.signOut')}
        </button>
      </span>
    </>
  );
}

export function Header() {
  const t = useT();

  return (
    <header className="header">
      <div className="header__inner">
        <Link to="/" className="header__brand">
          {t('app.name')}
        </Link>
        <LanguageSwitch />
        <nav aria-label={t('nav.label')} className="header__nav">
          <NavLink to="/">{t('nav.home')}</NavLink>
          <NavLink to="/conversations">{t('nav.conversations')}</NavLink>
          <AccountMenu />
        </nav>
      </div>
    </header>
  );
}
