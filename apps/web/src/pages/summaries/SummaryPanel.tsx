import type { Summary } from '@razgovor/contracts';
import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { SummaryCard } from './SummaryCard';

interface SummaryPanelProps {
  /** Every version of one summary (a topic's or a thread's), newest first. */
  versions: Summary[];
  title: string;
  canRespond: boolean;
  onChanged: (summary: Summary) => void;
  /** 2 above a topic's discussion, 3 above a thread inside it. */
  headingLevel?: 2 | 3;
}

/** The newest version pinned on top; earlier ones stay readable behind a disclosure. */
export function SummaryPanel({
  versions,
  title,
  canRespond,
  onChanged,
  headingLevel = 2,
}: SummaryPanelProps) {
  const { t } = useI18n();
  const titleId = useId();
  const [latest, ...earlier] = versions;
  if (!latest) return null;

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const className =
    headingLevel === 2 ? 'card summary-panel' : 'card summary-panel summary-panel--thread';

  return (
    <section aria-labelledby={titleId} className={className}>
      <Heading id={titleId}>{title}</Heading>
      <SummaryCard summary={latest} canRespond={canRespond} onChanged={onChanged} />
      {earlier.length > 0 && (
        <details>
          <summary>{t('summary.earlier', { count: earlier.length })}</summary>
          {earlier.map((summary) => (
            <SummaryCard
              key={summary.id}
              summary={summary}
              canRespond={canRespond}
              onChanged={onChanged}
            />
          ))}
        </details>
      )}
    </section>
  );
}
