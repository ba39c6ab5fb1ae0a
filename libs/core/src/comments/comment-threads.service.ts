import type { Comment, ThreadListQuery, ThreadPage } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import { canFacilitate } from '../conversations/conversation.policy';
import type { TopicsService } from '../conversations/topics.service';
import type { CommentReadingService } from './comment-reading.service';
import type { CommentsRepository } from './comments.repository';
import { toComment } from './presenters';

/** A topic's page of threads with the first replies of each, read in two queries. */
export class CommentThreadsService {
  constructor(
    private readonly reader: CommentReadingService,
    private readonly comments: CommentsRepository,
    private readonly topics: TopicsService,
  ) {}

  async page(viewer: User | null, topicId: string, query: ThreadListQuery): Promise<ThreadPage> {
    const { replies: perThread = 10, ...listQuery } = query;
    const limit = Number(perThread);
    const page = await this.reader.list(viewer, topicId, listQuery);
    const roots = page.items.filter((root) => root.replyCount > 0).map((root) => root.id);
    if (limit === 0 || roots.length === 0) {
      return {
        items: page.items.map((comment) => ({
          comment,
          replies: [],
          hasMoreReplies: comment.replyCount > 0,
        })),
        nextCursor: page.nextCursor,
      };
    }

    const { conversation } = await this.topics.load(viewer, topicId);
    const isFacilitator = canFacilitate(viewer, conversation);
    const viewerId = viewer?.id ?? null;
    const rows = await this.comments.firstReplies(roots, viewerId, limit + 1, isFacilitator);

    const byRoot = new Map<string, Comment[]>();
    for (const row of rows) {
      const replies = byRoot.get(row.rootId) ?? [];
      replies.push(toComment(row, isFacilitator, viewerId));
      byRoot.set(row.rootId, replies);
    }

    return {
      items: page.items.map((comment) => {
        const replies = byRoot.get(comment.id) ?? [];

        return {
          comment,
          replies: replies.slice(0, limit),
          hasMoreReplies: replies.length > limit,
        };
      }),
      nextCursor: page.nextCursor,
    };
  }
}
