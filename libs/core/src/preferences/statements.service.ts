import { Logger } from '@nestjs/common';
import type {
  CreateStatementRequest,
  FlagRequest,
  NextStatement,
  Statement,
  StatementDecisionRequest,
  StatementFlagReceipt,
  StatementState,
  StatementVote,
} from '@razgovor/contracts';
import { detectLanguage } from '@razgovor/text';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import {
  assertAcceptsContributions,
  assertFacilitator,
  canFacilitate,
  canSee,
  effectiveStatus,
} from '../conversations/conversation.policy';
import type { ConversationAccess } from '../conversations/conversation.records';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Database } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository, NewEvent } from '../events/events.repository';
import type { AuditRepository } from '../moderation/audit.repository';
import { assertNotSanctioned, type ContributionGate } from '../moderation/contribution-gate';
import { flagWeight } from '../moderation/flags.service';
import type { ModerationRepository } from '../moderation/moderation.repository';
import type { OpinionMapQueue } from './opinion-map.queue';
import { toStatement } from './presenters';
import type { StatementRecord, StatementsRepository, VoteCounts } from './statements.repository';

/** What the audit log calls a decision: a flagged statement kept is not a new publication. */
function decisionAction(from: StatementState, to: StatementState): string {
  if (to === 'rejected') return 'statement.rejected';

  return from === 'published' ? 'statement.kept' : 'statement.published';
}

/**
 * Published statements are seen by all who see the conversation; the others by its facilitators
 * and their authors.
 */
function isVisible(
  viewer: User | null,
  record: StatementRecord,
  conversation: ConversationAccess,
  now: Date,
): boolean {
  if (!canSee(viewer, conversation, now)) return false;

  return (
    record.state === 'published' ||
    canFacilitate(viewer, conversation) ||
    record.authorId === viewer?.id
  );
}

/**
 * Short statements that everyone votes on, the input of the opinion map. They pass the same gate
 * as comments (sanctions, word list, moderation mode); held ones wait for a facilitator.
 */
export class StatementsService {
  private readonly logger = new Logger(StatementsService.name);

  constructor(
    private readonly database: Database,
    private readonly statements: StatementsRepository,
    private readonly conversations: ConversationsService,
    private readonly records: ConversationsRepository,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
    private readonly gate: ContributionGate,
    private readonly audit: AuditRepository,
    private readonly mapQueue: OpinionMapQueue,
    private readonly moderation: ModerationRepository,
  ) {}

  async list(viewer: User | null, conversationId: string, state: StatementState) {
    const conversation = await this.conversations.load(viewer, conversationId);
    if (state !== 'published') assertFacilitator(viewer!, conversation);
    const records = await this.statements.list(conversation.id, state, viewer?.id ?? null);

    return records.map((record) => toStatement(record, viewer));
  }

  async submit(
    user: User,
    conversationId: string,
    request: CreateStatementRequest,
  ): Promise<Statement> {
    const conversation = await this.conversations.load(user, conversationId);
    const body = request.body.trim();
    await this.gate.assertMayTakePart(user, conversation);
    const verdict = await this.gate.checkContent(conversation.id, body);
    const detected = detectLanguage(body);

    const now = this.clock.now();
    const { id, seq } = await this.database.transaction(async (tx) => {
      const locked = (await this.records.lock(tx, conversation.id))!;
      assertAcceptsContributions(effectiveStatus(locked, now), 'open');
      const admission = await this.gate.admit(tx, user, locked, { moderationMode: null }, verdict);
      const id = await this.statements.insert(
        tx,
        {
          conversationId: conversation.id,
          authorId: user.id,
          body,
          language: detected === 'other' ? 'bg' : detected,
          state: admission.state,
          holdReason: admission.holdReason,
        },
        now,
      );
      // Whoever writes a statement agrees with it, as on Pol.is; nobody else can have voted yet.
      await this.statements.vote(
        tx,
        { id, conversationId: conversation.id },
        user.id,
        'agree',
        now,
      );
      const seq = await this.events.append(
        tx,
        conversation.id,
        [
          {
            type: 'statement.created',
            payload: { statementId: id, state: admission.state },
            topicId: null,
            audience: admission.state === 'published' ? 'public' : 'facilitators',
          },
          ...(admission.state === 'pending'
            ? [this.queueChanged({ id, conversationId: conversation.id }, 'held')]
            : []),
        ],
        now,
      );
      if (admission.state === 'pending') {
        await this.audit.record(
          tx,
          [
            {
              conversationId: conversation.id,
              actorId: null,
              action: 'statement.held',
              targetType: 'statement',
              targetId: id,
              reason: admission.holdReason,
            },
          ],
          now,
        );
      }

      return { id, seq };
    });
    this.notices.publish(conversation.id, seq);
    this.requestMap(conversation.id);
    this.logger.log(`Submitted statement ${id} in conversation ${conversation.id}`, {
      statementId: id,
      userId: user.id,
    });

    return toStatement((await this.statements.find(id, user.id))!, user);
  }

  async next(user: User, conversationId: string): Promise<NextStatement> {
    const conversation = await this.conversations.load(user, conversationId);
    const { id, remaining, voted } = await this.statements.next(conversation.id, user.id);
    const record = id ? await this.statements.find(id, user.id) : null;

    return { statement: record && toStatement(record, user), remaining, voted };
  }

  /**
   * The hot path of the opinion map: the statement, its conversation and the voter's sanctions
   * come from one read, the vote is one statement.
   */
  async vote(user: User, statementId: string, vote: StatementVote): Promise<Statement> {
    const now = this.clock.now();
    const context = await this.statements.findForVote(statementId, user.id, now);
    if (!context || !isVisible(user, context.record, context.conversation, now)) {
      throw new AppError('NOT_FOUND', 'No such statement');
    }

    const { record, conversation, sanction } = context;
    if (record.state !== 'published') {
      throw new AppError('STATEMENT_NOT_PUBLISHED', 'This statement is not open for votes');
    }

    assertNotSanctioned(user, conversation, sanction);
    assertAcceptsContributions(effectiveStatus(conversation, now), 'open');

    const counts = await this.recordVote(record, user.id, vote, now);
    this.requestMap(conversation.id);

    return toStatement({ ...record, ...counts, myVote: vote }, user);
  }

  /** Writes a vote; a first vote that met a simultaneous first vote of the same person retries. */
  private async recordVote(
    record: StatementRecord,
    userId: string,
    vote: StatementVote,
    now: Date,
  ): Promise<VoteCounts> {
    for (let attempt = 1; ; attempt++) {
      const counts = await this.statements.vote(this.database.pool, record, userId, vote, now);
      if (counts) return counts;
      // Nothing was written; the next attempt finds the other vote and replaces it.
      if (attempt >= 3) {
        throw new AppError('SERVICE_UNAVAILABLE', 'Your vote met another of yours; send it again');
      }
    }
  }

  /**
   * Citizens flag published statements as they flag comments: once each, weighed by how often
   * their flags were upheld. A flagged statement waits in the moderation queue and stays votable.
   * TODO: flags on statements never hide them by weight as comments are hidden; the queue shows
   * them to facilitators at once, who reject them with the same decision as held statements.
   */
  async flag(user: User, statementId: string, request: FlagRequest): Promise<StatementFlagReceipt> {
    const { record, conversation } = await this.load(user, statementId);
    if (record.state !== 'published') {
      throw new AppError('STATEMENT_NOT_PUBLISHED', 'Only a published statement can be flagged');
    }

    await this.gate.assertMayTakePart(user, conversation);

    const now = this.clock.now();
    const seq = await this.database.transaction(async (tx) => {
      await this.records.lock(tx, conversation.id);
      const weight = flagWeight(await this.moderation.flagRecord(tx, user.id));
      const isNew = await this.statements.addFlag(
        tx,
        {
          statementId: record.id,
          conversationId: conversation.id,
          userId: user.id,
          reason: request.reason,
          text: request.text ?? null,
          weight,
        },
        now,
      );
      if (!isNew) {
        throw new AppError('ALREADY_FLAGGED', 'You have already flagged this statement');
      }

      await this.audit.record(
        tx,
        [
          {
            conversationId: conversation.id,
            actorId: user.id,
            action: 'statement.flagged',
            targetType: 'statement',
            targetId: record.id,
            reason: request.text ? `${request.reason}: ${request.text}` : request.reason,
          },
        ],
        now,
      );

      return this.events.append(tx, conversation.id, [this.queueChanged(record, 'flagged')], now);
    });
    this.notices.publish(conversation.id, seq);

    return { statementId: record.id, reason: request.reason };
  }

  /**
   * A facilitator's decision on a statement in the queue. Held: publish or reject. Flagged:
   * publish keeps it (the flags are rejected), reject takes it out of voting (they are upheld).
   */
  async decide(user: User, statementId: string, request: StatementDecisionRequest) {
    const { record, conversation } = await this.load(user, statementId);
    assertFacilitator(user, conversation);
    const state: StatementState = request.decision === 'publish' ? 'published' : 'rejected';
    if (record.state === state && !record.flaggedAt) return toStatement(record, user);

    const now = this.clock.now();
    const seq = await this.database.transaction(async (tx) => {
      await this.records.lock(tx, conversation.id);
      const flags = await this.statements.settleFlags(
        tx,
        record.id,
        state === 'published' ? 'rejected' : 'upheld',
        now,
      );
      if (record.state !== state) await this.statements.decide(tx, record.id, state, user.id, now);
      await this.audit.record(
        tx,
        [
          {
            conversationId: conversation.id,
            actorId: user.id,
            action: decisionAction(record.state, state),
            targetType: 'statement',
            targetId: record.id,
            reason: request.reason ?? null,
            before: { state: record.state, openFlags: flags },
            after: { state },
          },
        ],
        now,
      );
      const events: NewEvent[] = [this.queueChanged(record, 'decided')];
      if (state === 'published' && record.state !== 'published') {
        events.push({
          type: 'statement.created',
          payload: { statementId: record.id, state: 'published' },
          topicId: null,
          audience: 'public',
        });
      }

      return this.events.append(tx, conversation.id, events, now);
    });
    this.notices.publish(conversation.id, seq);
    if (record.state !== state) this.requestMap(conversation.id);

    return toStatement((await this.statements.find(record.id, user.id))!, user);
  }

  private queueChanged(
    record: Pick<StatementRecord, 'id' | 'conversationId'>,
    change: 'held' | 'flagged' | 'decided',
  ): NewEvent {
    return {
      type: 'moderation.queue.changed',
      payload: {
        conversationId: record.conversationId,
        commentIds: [],
        statementIds: [record.id],
        change,
      },
      topicId: null,
      audience: 'facilitators',
    };
  }

  private async load(viewer: User | null, statementId: string) {
    const record = await this.statements.find(statementId, viewer?.id ?? null);
    const conversation = record
      ? await this.conversations.load(viewer, record.conversationId).catch(() => null)
      : null;
    if (!record || !conversation || !isVisible(viewer, record, conversation, this.clock.now())) {
      throw new AppError('NOT_FOUND', 'No such statement');
    }

    return { record, conversation };
  }

  /**
   * Asks for a new map without waiting: the vote is stored, so a queue that is slow or down only
   * delays the map, and the next vote asks again.
   */
  private requestMap(conversationId: string): void {
    this.mapQueue.request(conversationId, this.clock.now()).catch((error: unknown) => {
      this.logger.warn(`Could not queue the opinion map of conversation ${conversationId}`, {
        conversationId,
        error: (error as Error).message,
      });
    });
  }
}
