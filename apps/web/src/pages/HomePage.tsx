import { Page } from '../components/Page';
import { ConversationCards } from './conversations/ConversationCards';
import { useT } from '../i18n/i18n';
import { Link } from '../router/router';
import { useSession } from '../session/session';

export function HomePage() {
  const t = useT();
  const { me, isLoading } = useSession();
  const steps = [t('home.how1'), t('home.how2'), t('home.how3')];

  return (
    <Page title={t('home.title')} width="wide">
      <p className="lead">{t('home.lead')}</p>
      {me && <p className="welcome">{t('home.welcome', { name: me.displayName })}</p>}
      <section aria-labelledby="how-title" className="card">
        <h2 id="how-title">{t('home.howTitle')}</h2>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="home-conversations">
        <h2 id="home-conversations">{t('conversations.title')}</h2>
        <ConversationCards level={3} />
      </section>
      {!isLoading && (
        <p className="actions">
          {me ? (
            <Link to="/profile" className="button">
              {t('home.profile')}
            </Link>
          ) : (
            <>
              <Link to="/sign-up" className="button">
                {t('home.signUp')}
              </Link>
              <Link to="/sign-in" className="button button--secondary">
                {t('home.signIn')}
              </Link>
            </>
          )}
        </p>
      )}
    </Page>
  );
}
