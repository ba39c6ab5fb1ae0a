import type {
  CommentListQuery,
  CommentPage,
  CommentRevisionList,
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
import {
  type CommentPageCache,
  type SerialisedPage,
  type SharedPage,
  sharedPage,
} from './comment-page-cache';
import type { CommentListOptions, CommentsRepository } from './comments.repository';
import { decodeCursor, encodeCursor, toComment } from './presenters';
import { queryTerms } from './search-terms';

/** How many replies a permalink brings along before the client pages with `parentId`. */
const threadLimit = 500;

/** A page for one reader only: not worth an entity tag of its own. */
function own(page: CommentPage): SerialisedPage {
  return { body: JSON.stringify(page), etag: null };
}

type PageRequest = Pick<CommentListOptions, 'topicId' | 'parentId' | 'sort' | 'limit' | 'after'>;

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
    private readonly pages: CommentPageCache,
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

  /** A page of comments, as `listJson` finds it, for callers that build on it. */
  async list(viewer: User | null, topicId: string, query: CommentListQuery): Promise<CommentPage> {
    const found = await this.find(viewer, topicId, query);

    return 'shared' in found ? found.shared.page : found.page;
  }

  /** A page of comments, serialised: the shared public page is serialised once, when cached. */
  async listJson(
    viewer: User | null,
    topicId: string,
    query: CommentListQuery,
  ): Promise<SerialisedPage> {
    const found = await this.find(viewer, topicId, query);

    return 'shared' in found ? found.shared : own(found.page);
  }

  /**
   * Everyone but facilitators first gets the public page, cached per process (see
   * CommentPageCache); a signed-in reader's stances are laid over it, and a reader with held or
   * hidden comments of their own in the topic gets a page read for them.
   */
  private async find(
    viewer: User | null,
    topicId: string,
    query: CommentListQuery,
  ): Promise<{ shared: SharedPage } | { page: CommentPage }> {
    const conversation = await this.topics.access(viewer, topicId);
    const isFacilitator = canFacilitate(viewer, conversation);
    const request: PageRequest = {
      topicId,
      parentId: query.parentId ?? null,
      sort: query.sort ?? 'newest',
      limit: Number(query.limit ?? 25),
      after: query.cursor ? decodeCursor(query.cursor) : null,
    };
    if (isFacilitator) return { page: await this.page(request, viewer, true) };

    const key = [topicId, request.sort, request.limit, request.parentId, query.cursor].join('|');
    const shared = await this.pages.get(conversation.id, key, async () =>
      sharedPage(await this.page(request, null, false)),
    );
    if (!viewer) return { shared };

    const ids = shared.page.items.map((item) => item.id);
    const marks = await this.comments.viewerMarks(viewer.id, topicId, ids);
    if (marks.hasUnpublished) return { page: await this.page(request, viewer, false) };
    if (!ids.some((id) => marks.stances[id])) return { shared };

    return {
      page: {
        items: shared.page.items.map((item) => {
          const stance = marks.stances[item.id];

          return stance ? { ...item, myStance: stance } : item;
        }),
        nextCursor: shared.page.nextCursor,
      },
    };
  }

  private async page(
    request: PageRequest,
    viewer: User | null,
    isFacilitator: boolean,
  ): Promise<CommentPage> {
    const viewerId = viewer?.id ?? null;
    const rows = await this.comments.list({ ...request, viewerId, isFacilitator });
    const page = rows.slice(0, request.limit);
    const last = page.at(-1);

    return {
      items: page.map((row) => toComment(row, isFacilitator, viewerId)),
      nextCursor:
        rows.length > request.limit && last
          ? encodeCursor(sortValue(last, request.sort), last.id)
          : null,
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
