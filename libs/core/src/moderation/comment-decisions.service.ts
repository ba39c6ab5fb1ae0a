import { Logger } from '@nestjs/common';
import type { ThemesQueue } from '../themes/themes.queue';
import type { Comment, DecisionRequest, DecisionResult, RedactRequest } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { CommentAnnouncer } from '../comments/comment-announcer';
import type { CommentRecord } from '../comments/comment.records';
import type { CommentReadingService } from '../comments/comment-reading.service';
import type { CommentsRepository } from '../comments/comments.repository';
import { toComment } from '../comments/presenters';
import { searchTerms } from '../comments/search-terms';
import type { Clock } from '../common/clock';
import type { ConversationRecord } from '../conversations/conversation.records';
import { assertFacilitator } from '../conversations/conversation.policy';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Database, Sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository, NewEvent } from '../events/events.repository';
import type { NotificationsRepository } from '../notifications/notifications.repository';
import type { AuditRepository, NewAuditEntry } from './audit.repository';
import { type AuthorNotice, noticeAuthors } from './author-notices';
import { loadForFacilitator } from './moderation-access';
import { queueChanged } from './moderation-events';
import type { AppealRecord, ModeratedComment, ModerationRepository } from './moderation.repository';

const redactionMarks: Record<string, string> = { bg: '[редактирано]', en: '[redacted]' };

type Decision = DecisionRequest['action'];

/** Facilitators deciding on comments: approve, hide, restore (one or many at once), redact. */
export class CommentDecisionsService {
  private readonly logger = new Logger(CommentDecisionsService.name);

  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly conversationsService: ConversationsService,
    private readonly comments: CommentsRepository,
    private readonly reader: CommentReadingService,
    private readonly moderation: ModerationRepository,
    private readonly announcer: CommentAnnouncer,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationsRepository,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
    private readonly themes: ThemesQueue,
  ) {}

  /** All the comments change in one transaction, or none does. */
  async decide(
    user: User,
    conversationId: string,
    request: DecisionRequest,
  ): Promise<DecisionResult> {
    const conversation = await loadForFacilitator(this.conversationsService, user, conversationId);
    const ids = [...new Set(request.commentIds)];

    const seq = await this.database.transaction(async (tx) => {
      const locked = (await this.conversations.lock(tx, conversation.id))!;
      const targets = await this.moderation.lockMany(tx, conversation.id, ids);
      if (targets.length !== ids.length) throw new AppError('NOT_FOUND', 'No such comment');
      const appeals = await this.moderation.openAppeals(tx, ids);
      const now = this.clock.now();
      for (const target of targets) {
        assertDecidable(request.action, target);
        assertAppealReviewer(user, locked, appeals, target);
      }

      const events = await this.apply(tx, user, request, targets, now);
      events.push(...(await this.settleAppeals(tx, user, request.action, appeals, targets, now)));

      return this.events.append(tx, conversation.id, events, now);
    });
    this.notices.publish(conversation.id, seq);
    // One job covers them all: it places every published comment without a theme and takes
    // hidden ones out of theirs.
    const change = { isSweep: true };
    void this.themes.refresh(conversation.id, `decision-${seq}`, change).catch((error: Error) => {
      this.logger.warn(`Could not queue theme placement: ${error.message}`);
    });

    this.logger.log(`Decided ${request.action} on ${ids.length} comments`, {
      conversationId: conversation.id,
      userId: user.id,
      commentIds: ids,
    });
    const records = await this.comments.findMany(ids);

    return { items: records.map((record) => toComment(record, true)) };
  }

  async redact(user: User, commentId: string, request: RedactRequest): Promise<Comment> {
    const { comment, conversation } = await this.reader.load(user, commentId);
    assertFacilitator(user, conversation);

    const seq = await this.database.transaction(async (tx) => {
      await this.conversations.lock(tx, conversation.id);
      const [target] = await this.moderation.lockMany(tx, conversation.id, [comment.id]);
      if (!target || request.end > target.body.length) {
        throw new AppError('VALIDATION_FAILED', 'The span lies outside the text', [
          { path: 'end', message: `The text has ${target?.body.length ?? 0} characters` },
        ]);
      }

      const now = this.clock.now();
      const mark = redactionMarks[comment.language] ?? redactionMarks.en!;
      const body = target.body.slice(0, request.start) + mark + target.body.slice(request.end);
      await this.moderation.redact(tx, target.id, body, searchTerms(body), now);
      // The original text survives only here, for facilitators who must account for the cut.
      await this.audit.record(
        tx,
        [
          {
            ...this.entry(user, target, 'comment.redacted', request.note ?? null),
            before: { body: target.body },
            after: { body },
          },
        ],
        now,
      );
      const record = (await this.comments.find(target.id, null, tx))!;

      return this.events.append(tx, conversation.id, stateEvents('comment.redacted', record), now);
    });
    this.notices.publish(conversation.id, seq);
    const changedIds = [comment.id];
    void this.themes.refresh(conversation.id, `redact-${seq}`, { changedIds }).catch((error) => {
      this.logger.warn(`Could not queue theme placement: ${(error as Error).message}`);
    });

    return toComment((await this.comments.find(comment.id, user.id))!, true);
  }

  private async apply(
    tx: Sql,
    user: User,
    request: DecisionRequest,
    targets: ModeratedComment[],
    now: Date,
  ): Promise<NewEvent[]> {
    const ids = targets.map((target) => target.id);
    const isHiding = request.action === 'hide';
    const hidden = isHiding ? { reason: request.reason!, by: user.id } : null;
    await this.moderation.setState(tx, ids, isHiding ? 'hidden' : 'published', hidden);
    await this.moderation.decideFlags(tx, ids, isHiding ? 'upheld' : 'rejected', now);
    const events: NewEvent[] = [];
    const audit: NewAuditEntry[] = [];
    const records = new Map(
      (await this.comments.findMany(ids, tx)).map((record) => [record.id, record]),
    );

    for (const target of targets) {
      const record = records.get(target.id)!;
      const action = auditAction(request.action, target);
      audit.push({
        ...this.entry(user, target, action, request.reason ?? null),
        before: { state: target.moderationState, reason: target.hiddenReason },
        after: {
          state: record.moderationState,
          reason: record.hiddenReason,
          ...(request.note && { note: request.note }),
        },
      });
      events.push(...(await this.publicEvents(tx, target, record, now)));
    }

    await this.audit.record(tx, audit, now);
    events.push(queueChanged(targets[0]!.conversationId, ids, 'decided'));
    if (isHiding) {
      const hidden: AuthorNotice[] = targets.map((target) => ({
        type: 'moderation.hidden',
        authorId: target.authorId,
        conversationId: target.conversationId,
        topicId: target.topicId,
        commentId: target.id,
        note: request.reason!,
      }));
      events.push(...(await noticeAuthors(tx, this.notifications, hidden, user.id, now)));
    }

    return events;
  }

  /** What open pages learn: a newly public comment, a placeholder, or the comment back. */
  private async publicEvents(
    tx: Sql,
    target: ModeratedComment,
    record: CommentRecord,
    now: Date,
  ): Promise<NewEvent[]> {
    if (record.moderationState === 'hidden') return stateEvents('comment.hidden', record, target);
    if (target.isAnnounced) {
      return target.moderationState === 'hidden' ? stateEvents('comment.restored', record) : [];
    }

    await this.moderation.markAnnounced(tx, [target.id]);
    const notes = await this.announcer.announce(tx, record, now);

    return [...stateEvents('comment.created', record), ...notes];
  }

  private async settleAppeals(
    tx: Sql,
    user: User,
    action: Decision,
    appeals: AppealRecord[],
    targets: ModeratedComment[],
    now: Date,
  ): Promise<NewEvent[]> {
    if (appeals.length === 0) return [];
    const outcome = action === 'hide' ? 'upheld' : 'restored';

    await this.moderation.decideAppeals(
      tx,
      appeals.map((appeal) => appeal.commentId),
      outcome,
      user.id,
      now,
    );
    const decided: AuthorNotice[] = appeals.map((appeal) => {
      const target = targets.find((candidate) => candidate.id === appeal.commentId)!;

      return {
        type: 'moderation.appeal_decided',
        authorId: appeal.userId,
        conversationId: target.conversationId,
        topicId: target.topicId,
        commentId: target.id,
        note: outcome,
      };
    });

    return noticeAuthors(tx, this.notifications, decided, user.id, now);
  }

  private entry(
    user: User,
    target: ModeratedComment,
    action: string,
    reason: string | null,
  ): NewAuditEntry {
    return {
      conversationId: target.conversationId,
      actorId: user.id,
      action,
      targetType: 'comment',
      targetId: target.id,
      reason,
    };
  }
}

function auditAction(decision: Decision, target: ModeratedComment): string {
  if (decision === 'hide') return 'comment.hidden';
  if (target.moderationState === 'hidden') return 'comment.restored';

  return target.moderationState === 'pending' ? 'comment.approved' : 'comment.flags_rejected';
}

function assertDecidable(decision: Decision, target: ModeratedComment): void {
  const state = target.moderationState;
  const isWithdrawn = target.status === 'withdrawn';
  const isOpen =
    decision === 'hide'
      ? !isWithdrawn && !(state === 'hidden' && target.hiddenBy !== null)
      : decision === 'restore'
        ? state === 'hidden'
        : state !== 'published' || target.queueReason !== null;
  if (!isOpen) {
    throw new AppError('INVALID_DECISION', `Comment ${target.id} cannot be ${decision}d now`, {
      commentId: target.id,
      state,
    });
  }
}

/** An appeal is heard by someone other than the facilitator who hid the comment, if any exists. */
function assertAppealReviewer(
  user: User,
  conversation: ConversationRecord,
  appeals: AppealRecord[],
  target: ModeratedComment,
): void {
  const appeal = appeals.find((candidate) => candidate.commentId === target.id);
  if (!appeal || appeal.hiddenBy !== user.id) return;
  if (!conversation.facilitatorIds.some((id) => id !== user.id)) return;

  throw new AppError(
    'APPEAL_NEEDS_ANOTHER_FACILITATOR',
    'Another facilitator must decide the appeal against your own decision',
    { commentId: target.id },
  );
}

/** Public events for a public comment; a never-announced one reaches its author and facilitators. */
function stateEvents(
  type: 'comment.created' | 'comment.hidden' | 'comment.restored' | 'comment.redacted',
  record: CommentRecord,
  before?: ModeratedComment,
): NewEvent[] {
  const isPublic = before ? before.isAnnounced : record.moderationState !== 'pending';
  if (isPublic) {
    return [
      {
        type,
        payload: { comment: toComment(record) },
        topicId: record.topicId,
        audience: 'public',
      },
    ];
  }

  return (['facilitators', `user:${record.authorId}`] as const).map((audience) => ({
    type,
    payload: { comment: toComment(record, audience === 'facilitators', record.authorId) },
    topicId: record.topicId,
    audience,
  }));
}
