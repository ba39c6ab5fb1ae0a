import { useT } from '../../i18n/i18n';
import { useThread } from '../topic/ThreadContext';
import { SummaryForm } from './SummaryForm';
import { SummaryPanel } from './SummaryPanel';

/**
 * The summary pinned above a thread, newest version first with the earlier ones behind it, and
 * for facilitators the form that publishes the next version.
 */
export function ThreadSummary({ rootId }: { rootId: string }) {
  const t = useT();
  const { me, topicId, canFacilitate, threadSummaries, onSummary } = useThread();
  const versions = threadSummaries[rootId] ?? [];

  return (
    <>
      <SummaryPanel
        versions={versions}
        title={t('summary.threadTitle')}
        canRespond={!!me}
        onChanged={onSummary}
        headingLevel={3}
      />
      {canFacilitate && (
        <SummaryForm
          topicId={topicId}
          commentId={rootId}
          label={versions.length > 0 ? t('summary.newThreadVersion') : t('summary.writeThread')}
          onPublished={onSummary}
        />
      )}
    </>
  );
}

/** Groups a topic's summaries by thread, each newest version first. */
export function groupByThread<T extends { commentId: string | null; version: number }>(
  summaries: T[],
): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const summary of summaries) {
    if (!summary.commentId) continue;
    (groups[summary.commentId] ??= []).push(summary);
  }

  for (const versions of Object.values(groups)) versions.sort((a, b) => b.version - a.version);

  return groups;
}
