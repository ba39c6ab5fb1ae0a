import { Page } from '../components/Page';
import { useT } from '../i18n/i18n';
import { Link } from '../router/router';
import { useSession } from '../session/session';

export function CheckEmailPage() {
  const t = useT();
  const { me } = useSession();

  return (
    <Page title={t('checkEmail.title')}>
      {me && <p className="lead">{t('checkEmail.body', { email: me.email })}</p>}
      <p>{t('checkEmail.spam')}</p>
      <p>
        <Link to="/">{t('common.toHome')}</Link>
      </p>
    </Page>
  );
}
