import type { Comment, CommentPage, CommentSort } from '@razgovor/contracts';
import { call } from '../../api/client';

/** Replies that come along with each thread; longer threads continue on the permalink page. */
const repliesPerThread = 20;

/** One page of a topic's threads with their first replies, in a single request. */
export async function loadPage(
  topicId: string,
  sort: CommentSort,
  cursor?: string,
  signal?: AbortSignal,
): Promise<{ page: CommentPage; replies: Comment[] }> {
  const threads = await call('listThreads', {
    params: { id: topicId },
    query: { sort, cursor, limit: 20, replies: repliesPerThread },
    signal,
  });

  return {
    page: { items: threads.items.map((thread) => thread.comment), nextCursor: threads.nextCursor },
    replies: threads.items.flatMap((thread) => thread.replies),
  };
}
