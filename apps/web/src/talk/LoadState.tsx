import { Page } from '../components/Page';
import { Status } from '../components/Status';
import { errorMessage } from '../i18n/errors';
import { useT } from '../i18n/i18n';
import { Link } from '../router/router';

/** What a page shows while its data loads or after loading failed. */
export function LoadState({ error }: { error: unknown }) {
  const t = useT();

  if (!error) return <Status>{t('common.loading')}</Status>;

  return (
    <Page title={t('notFound.title')}>
      <p role="alert">{errorMessage(t, error)}</p>
      <p>
        <Link to="/conversations">{t('conversations.title')}</Link>
      </p>
    </Page>
  );
}
