import type { Conversation } from '@razgovor/contracts';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { useSession } from '../../session/session';

/** The public ledger for everyone; the audit log for those who may read it. */
export function ModerationLinks({ conversation }: { conversation: Conversation }) {
  const t = useT();
  const { me } = useSession();
  const base = `/conversations/${conversation.slug}`;
  const canAudit =
    conversation.canFacilitate ||
    !!me?.roles.some((role) => role === 'analyst' || role === 'admin');

  return (
    <p className="moderation-links">
      <Link to={`${base}/ledger`}>{t('ledger.link')}</Link>
      {canAudit && <Link to={`${base}/audit`}>{t('audit.title')}</Link>}
      {canAudit && <Link to={`${base}/themes`}>{t('themes.link')}</Link>}
    </p>
  );
}
