import { Page } from '../components/Page';
import { useT } from '../i18n/i18n';
import { Link } from '../router/router';

export function NotFoundPage() {
  const t = useT();

  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('common.toHome')}</Link>
      </p>
    </Page>
  );
}

export function AccountDeletedPage() {
  const t = useT();

  return (
    <Page title={t('deleted.title')}>
      <p>{t('deleted.body')}</p>
      <p>
        <Link to="/">{t('common.toHome')}</Link>
      </p>
    </Page>
  );
}
