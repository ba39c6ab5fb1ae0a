import { call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Link, useLocation } from '../../router/router';
import { Composer } from '../../talk/Composer';
import { useThread } from './ThreadContext';

/** The composer for a new thread, or why the reader cannot write yet. */
export function TopComposer() {
  const { t, locale } = useI18n();
  const { href } = useLocation();
  const { me, topicId, dispatch } = useThread();

  if (!me) {
    return (
      <p className="notice notice--info">
        <Link to={`/sign-in?next=${encodeURIComponent(href)}`}>{t('composer.signIn')}</Link>
      </p>
    );
  }

  if (!me.emailConfirmed) return <p className="notice notice--info">{t('composer.confirm')}</p>;

  const post = async (body: string, clientKey: string) => {
    const comment = await call('createComment', {
      params: { id: topicId },
      body: { body, clientKey, language: locale },
    });
    dispatch({ type: 'posted', comment });
  };

  return <Composer label={t('composer.label')} submitLabel={t('composer.post')} onSubmit={post} />;
}
