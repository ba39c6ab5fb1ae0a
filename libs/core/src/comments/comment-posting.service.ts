import { Logger } from '@nestjs/common';
import type { Comment, CreateCommentRequest } from '@razgovor/contracts';
import { detectLanguage } from '@razgovor/text';
import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { Database, Sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository } from '../events/events.repository';
import { assertAcceptsContributions, effectiveStatus } from '../conversations/conversation.policy';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { TopicsRepository } from '../conversations/topics.repository';
import type { TopicsService } from '../conversations/topics.service';
import type { ContentVerdict } from '../moderation/content-check';
import type { ContributionGate } from '../moderation/contribution-gate';
import { commentEvents } from '../moderation/moderation-events';
import type { CommentAnnouncer } from './comment-announcer';
import type { NewComment } from './comment.records';
import type { CommentsRepository } from './comments.repository';
import { toComment } from './presenters';
import { searchTerms } from './search-terms';
import type { ThemesQueue } from '../themes/themes.queue';

/** Segments are fixed-width so that sorting paths as text sorts the thread depth-first. */
const segmentWidth = 6;

type Draft = Pick<
  NewComment,
  'conversationId' | 'topicId' | 'parentId' | 'clientKey' | 'body' | 'language' | 'searchTerms'
>;

class KeyTakenElsewhere extends Error {}

export interface PostResult {
  comment: Comment;
  /** False when the client key was already used: this is the earlier comment, not a new one. */
  isCreated: boolean;
}

export class CommentPostingService {
  private readonly logger = new Logger(CommentPostingService.name);

  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly topics: TopicsRepository,
    private readonly topicsService: TopicsService,
    private readonly comments: CommentsRepository,
    private readonly announcer: CommentAnnouncer,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
    private readonly gate: ContributionGate,
    private readonly themes: ThemesQueue,
  ) {}

  async post(
    user: User,
    topicId: string,
    request: CreateCommentRequest,
    idempotencyKey?: string,
  ): Promise<PostResult> {
    const { topic, conversation } = await this.topicsService.load(user, topicId);
    const body = request.body.trim();
    const detected = detectLanguage(body);
    const draft: Draft = {
      conversationId: conversation.id,
      topicId: topic.id,
      parentId: request.parentId ?? null,
      clientKey: request.clientKey ?? idempotencyKey ?? null,
      body,
      language: request.language ?? (detected === 'other' ? 'bg' : detected),
      searchTerms: searchTerms(body),
    };

    await this.gate.assertMayTakePart(user, conversation);
    const verdict = await this.gate.checkContent(conversation.id, body);
    const release = await this.gate.throttle(user, conversation, topic);

    const result = await this.database
      .transaction((tx) => this.write(tx, user, draft, verdict))
      .catch(async (error: unknown) => {
        await release();
        if (!(error instanceof KeyTakenElsewhere) || !draft.clientKey) throw error;
        const id = await this.comments.findIdByClientKey(
          this.database.pool,
          user.id,
          draft.clientKey,
        );

        return { id: id!, seq: 0, isCreated: false };
      });
    this.notices.publish(conversation.id, result.seq);
    if (result.isCreated) {
      await this.gate.noteHeat(conversation.id, topic, 'comments');
      this.logger.log(`Posted comment ${result.id} in topic ${topic.id}`, {
        commentId: result.id,
        topicId: topic.id,
        userId: user.id,
      });
    }

    const stored = (await this.comments.find(result.id, user.id))!;
    if (result.isCreated && stored.moderationState === 'published') {
      // A lost job only delays placement: the next comment's job or the next run places it.
      // Not awaited: a Redis outage must not hold up posting.
      void this.themes.place(conversation.id, stored.id).catch((error: Error) => {
        this.logger.warn(
          `Could not queue theme placement of comment ${stored.id}: ${error.message}`,
        );
      });
    }

    return { comment: toComment(stored, false, user.id), isCreated: result.isCreated };
  }

  private async write(tx: Sql, user: User, draft: Draft, verdict: ContentVerdict) {
    // The conversation lock orders this write against closing and against retries of it.
    const locked = (await this.conversations.lock(tx, draft.conversationId))!;
    const existingId = draft.clientKey
      ? await this.comments.findIdByClientKey(tx, user.id, draft.clientKey)
      : null;
    if (existingId) return { id: existingId, seq: 0, isCreated: false };
    const now = this.clock.now();
    const topic = (await this.topics.find(draft.topicId, tx))!;
    assertAcceptsContributions(effectiveStatus(locked, now), topic.status);
    const admission = await this.gate.admit(tx, user, locked, topic, verdict);

    const place = await this.place(tx, draft.topicId, draft.parentId);
    const isInserted = await this.comments.insert(tx, {
      ...draft,
      ...place,
      authorId: user.id,
      createdAt: now,
    });
    // Only a retry of the same key in another conversation gets here; it rolls back.
    if (!isInserted) throw new KeyTakenElsewhere();
    const events = await this.gate.settle(
      tx,
      (await this.comments.find(place.id, null, tx))!,
      admission,
    );
    const stored = (await this.comments.find(place.id, null, tx))!;
    events.unshift(...commentEvents('comment.created', stored));
    // A held comment counts and notifies only once approved (see CommentDecisionsService).
    if (admission.state === 'published')
      events.push(...(await this.announcer.announce(tx, stored, now)));

    const seq = await this.events.append(tx, draft.conversationId, events, now);

    return { id: place.id, seq, isCreated: true };
  }

  /** Where a new comment goes in its thread: its ids, depth and ordering path. */
  private async place(
    tx: Sql,
    topicId: string,
    parentId: string | null,
  ): Promise<Pick<NewComment, 'id' | 'parentId' | 'rootId' | 'ancestorIds' | 'depth' | 'path'>> {
    const id = randomUUID();
    if (!parentId) {
      const root = { parentId: null, rootId: id, ancestorIds: [], depth: 0, path: '' };

      return { id, ...root };
    }

    const parent = await this.comments.find(parentId, null, tx);
    if (!parent || parent.topicId !== topicId) {
      throw new AppError('VALIDATION_FAILED', 'The comment replied to is not in this topic', [
        { path: 'parentId', message: 'No such comment in this topic' },
      ]);
    }

    const number = await this.comments.takeChildNumber(tx, parent.id);

    return {
      id,
      parentId: parent.id,
      rootId: parent.rootId,
      ancestorIds: [...parent.ancestorIds, parent.id],
      depth: parent.depth + 1,
      path: `${parent.path}/${String(number).padStart(segmentWidth, '0')}`,
    };
  }
}
