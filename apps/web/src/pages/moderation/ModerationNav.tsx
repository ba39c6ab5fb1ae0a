import type { Conversation } from '@razgovor/contracts';
import { useI18n } from '../../i18n/i18n';
import { Link, NavLink } from '../../router/router';
import { pick } from '../../talk/text';

/** Moves between the facilitators' moderation pages of one conversation. */
export function ModerationNav({ conversation }: { conversation: Conversation }) {
  const { t, locale } = useI18n();
  const base = `/conversations/${conversation.slug}`;

  return (
    <>
      <p className="breadcrumb">
        <Link to={base}>{t('topic.back', { title: pick(conversation.title, locale) })}</Link>
      </p>
      <nav aria-label={t('moderation.navLabel')} className="tabs">
        <NavLink to={`${base}/moderation`}>{t('moderation.queueTitle')}</NavLink>
        <NavLink to={`${base}/moderation/settings`}>{t('moderation.settingsTitle')}</NavLink>
        <NavLink to={`${base}/moderation/words`}>{t('wordList.title')}</NavLink>
        <NavLink to={`${base}/audit`}>{t('audit.title')}</NavLink>
        <NavLink to={`${base}/ledger`}>{t('ledger.title')}</NavLink>
      </nav>
    </>
  );
}
