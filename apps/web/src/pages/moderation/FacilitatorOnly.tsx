import type { Conversation } from '@razgovor/contracts';
import type { ReactNode } from 'react';
import { Page } from '../../components/Page';
import { useT } from '../../i18n/i18n';

/** Facilitator pages tell others plainly that they may not use them. */
export function FacilitatorOnly(props: {
  conversation: Conversation;
  allowed?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const isAllowed = props.allowed ?? props.conversation.canFacilitate;

  if (!isAllowed) {
    return (
      <Page title={t('moderation.forbiddenTitle')}>
        <p role="alert">{t('error.FORBIDDEN')}</p>
      </Page>
    );
  }

  return <>{props.children}</>;
}
