import type { Comment, CommentPage, CommentSort } from '@razgovor/contracts';
import { call } from '../../api/client';

/** Replies are fetched per thread that has any: the list route returns top-level comments only. */
export async function loadReplies(roots: Comment[], signal?: AbortSignal): Promise<Comment[]> {
  const withReplies = roots.filter((root) => root.replyCount > 0);
  const threads = await Promise.all(
    withReplies.map((root) => call('getComment', { params: { id: root.id }, signal })),
  );

  return threads.flatMap((thread) => thread.replies);
}

export async function loadPage(
  topicId: string,
  sort: CommentSort,
  cursor?: string,
  signal?: AbortSignal,
): Promise<{ page: CommentPage; replies: Comment[] }> {
  const page = await call('listComments', {
    params: { id: topicId },
    query: { sort, cursor, limit: 20 },
    signal,
  });
  const replies = await loadReplies(page.items, signal);

  return { page, replies };
}
