import type { Summary } from '@razgovor/contracts';
import { useI18n } from '../../i18n/i18n';
import { SummaryCard } from './SummaryCard';

interface SummaryPanelProps {
  /** Every version of one summary (a topic's or a thread's), newest first. */
  versions: Summary[];
  title: string;
  canRespond: boolean;
  onChanged: (summary: Summary) => void;
}

/** The newest version pinned on top; earlier ones stay readable behind a disclosure. */
export function SummaryPanel({ versions, title, canRespond, onChanged }: SummaryPanelProps) {
  const { t } = useI18n();
  const [latest, ...earlier] = versions;
  if (!latest) return null;

  return (
    <section aria-label={title} className="card summary-panel">
      <h2>{title}</h2>
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
