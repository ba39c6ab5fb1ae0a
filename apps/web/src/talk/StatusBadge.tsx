import type { ConversationStatus } from '@razgovor/contracts';
import { useT } from '../i18n/i18n';

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const t = useT();

  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
