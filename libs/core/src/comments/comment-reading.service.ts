import type {
  CommentListQuery,
  CommentPage,
  CommentRevisionList,
  CommentSort,
  CommentThread,
  SearchResults,
} from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { ConversationRecord, TopicRecord } from '../conversations/conversation.records';
import { assertFacilitator, canFacilitate } from '../conversations/conversation.policy';
import type { ConversationsService } from '../conversations/conversations.service';
import type { TopicsService } from '../conversations/topics.service';
import { AppError } from '../errors/app-error';
import { type CommentRecord, sortValue } from './comment.records';
import type { CommentsRepository } from './comments.repository';
import { decodeCursor, encodeCursor, toComment } from './presenters';
import { queryTerms } from './search-terms';

/** How many replies a permalink brings along before the client pages with `parentId`. */
const threadLimit = 500;

export interface CommentContext {
  comment: CommentRecord;
  topic: TopicRecord;
  conversation: ConversationRecord;
  isFacilitator: boolean;
}

/** Lists, threads, permalinks and search: everything that reads comments. */
export class CommentReadingService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly conversations: ConversationsService,
    private readonly topics: TopicsService,
  ) {}

  async load(viewer: User | null, commentId: string): Promise<CommentContext> {
    const comment = await this.comments.find(commentId, viewer?.id ?? null);
    if (!comment) throw new AppError('NOT_FOUND', 'No such comment');
    const { topic, conversation } = await this.topics
      .load(viewer, comment.topicId)
      .catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'NOT_FOUND') {
          throw new AppError('NOT_FOUND', 'No such comment');
        }

        throw error;
      });
    const isFacilitator = canFacilitate(viewer, conversation);
    // A held comment does not exist for anyone but its author and the facilitators.
    const isOwn = viewer !== null && comment.authorId === viewer.id;
    if (comment.moderationState === 'pending' && !isOwn && !isFacilitator) {
      throw new AppError('NOT_FOUND', 'No such comment');
    }

    return { comment, topic, conversation, isFacilitator };
  }

  async list(viewer: User | null, topicId: string, query: CommentListQuery): Promise<CommentPage> {
    const { topic, conversation } = await this.topics.load(viewer, topicId);
    const isFacilitator = canFacilitate(viewer, conversation);
    const sort: CommentSort = query.sort ?? 'newest';
    const limit = Number(query.limit ?? 25);
    const after = query.cursor ? decodeCursor(query.cursor) : null;

    const rows = await this.comments.list({
      topicId: topic.id,
      parentId: query.parentId ?? null,
      sort,
      after,
      limit,
      viewerId: viewer?.id ?? null,
      isFacilitator,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);

    const viewerId = viewer?.id ?? null;

    return {
      items: page.map((row) => toComment(row, isFacilitator, viewerId)),
      nextCursor: rows.length > limit && last ? encodeCursor(sortValue(last, sort), last.id) : null,
    };
  }

  async thread(viewer: User | null, commentId: string): Promise<CommentThread> {
    const { comment, isFacilitator } = await this.load(viewer, commentId);
    const viewerId = viewer?.id ?? null;

    const [ancestors, replies] = await Promise.all([
      this.comments.ancestors(comment, viewerId, isFacilitator),
      this.comments.descendants(comment, viewerId, threadLimit + 1, isFacilitator),
    ]);

    return {
      comment: toComment(comment, isFacilitator, viewerId),
      ancestors: ancestors.map((row) => toComment(row, isFacilitator, viewerId)),
      replies: replies.slice(0, threadLimit).map((row) => toComment(row, isFacilitator, viewerId)),
      hasMoreReplies: replies.length > threadLimit,
    };
  }

  async revisions(user: User, commentId: string): Promise<CommentRevisionList> {
    const { comment, conversation } = await this.load(user, commentId);
    assertFacilitator(user, conversation);

    const revisions = await this.comments.listRevisions(comment.id);

    return {
      items: revisions.map((revision) => ({
        body: revision.body,
        createdAt: revision.createdAt.toISOString(),
      })),
    };
  }

  async search(
    viewer: User | null,
    conversationId: string,
    query: string,
    limit: number,
  ): Promise<SearchResults> {
    const conversation = await this.conversations.load(viewer, conversationId);
    const { terms, wordOfTerm } = queryTerms(query);
    if (terms.length === 0) return { items: [] };

    const rows = await this.comments.search(
      conversation.id,
      terms,
      wordOfTerm,
      limit,
      viewer?.id ?? null,
    );

    return { items: rows.map((row) => ({ comment: toComment(row), score: row.score })) };
  }
}
