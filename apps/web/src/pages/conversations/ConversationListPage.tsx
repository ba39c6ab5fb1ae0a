import { Page } from '../../components/Page';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { useSession } from '../../session/session';
import { ConversationCards } from './ConversationCards';

export function isFacilitatorRole(roles: readonly string[] | undefined): boolean {
  return !!roles && (roles.includes('facilitator') || roles.includes('admin'));
}

export function ConversationListPage() {
  const t = useT();
  const { me } = useSession();

  return (
    <Page title={t('conversations.title')} width="wide">
      {isFacilitatorRole(me?.roles) && (
        <p>
          <Link to="/conversations/new" className="button">
            {t('conversations.new')}
          </Link>
        </p>
      )}
      <ConversationCards />
    </Page>
  );
}
