import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { plural } from '../../talk/text';
import { ThreadSummary } from '../summaries/ThreadSummary';
import { CommentItem } from './CommentItem';
import { useThread } from './ThreadContext';

interface CommentNodeProps {
  id: string;
  /** Levels below the top of this list (0 for the list's own top level). */
  level: number;
}

/** A comment with its replies nested a few levels; deeper ones continue on the permalink page. */
export function CommentNode({ id, level }: CommentNodeProps) {
  const { t } = useI18n();
  const { threads, maxDepth } = useThread();
  const comment = threads.byId[id];
  if (!comment) return null;

  const childIds = threads.children[id] ?? [];
  const hidden = comment.replyCount - countLoaded(threads.children, id);
  const isDeepest = level >= maxDepth;

  return (
    <li className="thread__item">
      {comment.depth === 0 && <ThreadSummary rootId={comment.id} />}
      <CommentItem comment={comment} />
      {!isDeepest && childIds.length > 0 && (
        <ul className="thread__replies">
          {childIds.map((childId) => (
            <CommentNode key={childId} id={childId} level={level + 1} />
          ))}
        </ul>
      )}
      {comment.replyCount > 0 && (isDeepest || hidden > 0) && (
        <p className="thread__continue">
          <Link to={`/comments/${comment.id}`}>
            {isDeepest
              ? t('comments.continueThread')
              : `${t('comments.continueThread')} (${plural(t, 'comments.moreReplies', hidden)})`}
          </Link>
        </p>
      )}
    </li>
  );
}

function countLoaded(children: Record<string, string[]>, id: string): number {
  return (children[id] ?? []).reduce((sum, childId) => sum + 1 + countLoaded(children, childId), 0);
}
