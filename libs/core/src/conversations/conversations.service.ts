import { Logger } from '@nestjs/common';
import type {
  Conversation,
  CreateConversationRequest,
  UpdateConversationRequest,
} from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { UsersRepository } from '../accounts/users.repository';
import type { Clock } from '../common/clock';
import { type Database, isUniqueViolation, type Sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { AuditRepository } from '../moderation/audit.repository';
import { changedFields, conversationSnapshot } from './audit-snapshots';
import type { EventNotices } from '../events/event-notices';
import type { ConversationRecord } from './conversation.records';
import {
  assertEditable,
  assertFacilitator,
  assertManagesFacilitators,
  canSee,
  effectiveStatus,
} from './conversation.policy';
import type { ConversationFields, ConversationsRepository } from './conversations.repository';
import { toConversation } from './presenters';
import type { ScheduleQueue } from './schedule.queue';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Creating, reading and editing conversations and their facilitator lists. */
export class ConversationsService {
  private readonly logger = new Logger(ConversationsService.name);

  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly users: UsersRepository,
    private readonly schedule: ScheduleQueue,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly notices: EventNotices,
  ) {}

  /** A conversation the viewer may see, by id or slug; drafts are hidden from non-facilitators. */
  async load(viewer: User | null, idOrSlug: string): Promise<ConversationRecord> {
    // Anything that is neither an id nor a slug names nothing; Postgres rejects a NUL in text.
    const isSlug = /^[a-z0-9-]{1,80}$/.test(idOrSlug);
    const record = uuidPattern.test(idOrSlug)
      ? await this.conversations.find(idOrSlug)
      : isSlug
        ? await this.conversations.findBySlug(idOrSlug)
        : null;
    if (!record || !canSee(viewer, record, this.clock.now())) {
      throw new AppError('NOT_FOUND', 'No such conversation');
    }

    return record;
  }

  async get(viewer: User | null, idOrSlug: string): Promise<Conversation> {
    return toConversation(await this.load(viewer, idOrSlug), viewer, this.clock.now());
  }

  async list(viewer: User | null): Promise<Conversation[]> {
    const now = this.clock.now();
    const records = await this.conversations.list();

    return records
      .filter((record) => canSee(viewer, record, now))
      .map((record) => toConversation(record, viewer, now));
  }

  async create(user: User, request: CreateConversationRequest): Promise<Conversation> {
    const now = this.clock.now();
    const fields: ConversationFields = {
      slug: request.slug,
      titleBg: request.title.bg,
      titleEn: request.title.en,
      descriptionBg: request.description.bg,
      descriptionEn: request.description.en,
      backgroundBg: request.background?.bg ?? '',
      backgroundEn: request.background?.en ?? '',
      coverImageUrl: request.coverImageUrl ?? null,
      opensAt: request.opensAt ? new Date(request.opensAt) : null,
      closesAt: request.closesAt ? new Date(request.closesAt) : null,
    };
    assertScheduleOrder(fields.opensAt, fields.closesAt);

    const id = await this.database
      .transaction(async (tx) => {
        const id = await this.conversations.create(tx, fields, user.id, now);
        const created = (await this.conversations.lock(tx, id))!;
        await this.audit.record(
          tx,
          [
            {
              conversationId: id,
              actorId: user.id,
              action: 'conversation.created',
              targetType: 'conversation',
              targetId: id,
              before: null,
              after: conversationSnapshot(created),
            },
          ],
          now,
        );

        return id;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new AppError('SLUG_TAKEN', 'Another conversation already uses this slug');
        }

        throw error;
      });
    const record = (await this.conversations.find(id))!;
    await this.schedule.plan(record);

    this.logger.log(`Created conversation ${id} by user ${user.id}`, { conversationId: id });

    return toConversation(record, user, now);
  }

  async update(user: User, id: string, request: UpdateConversationRequest): Promise<Conversation> {
    const existing = await this.load(user, id);
    assertFacilitator(user, existing);
    assertEditable(effectiveStatus(existing, this.clock.now()));
    const changes: Partial<ConversationFields> = {
      titleBg: request.title?.bg,
      titleEn: request.title?.en,
      descriptionBg: request.description?.bg,
      descriptionEn: request.description?.en,
      backgroundBg: request.background?.bg,
      backgroundEn: request.background?.en,
      coverImageUrl: request.coverImageUrl,
      opensAt: dateOrNull(request.opensAt),
      closesAt: dateOrNull(request.closesAt),
    };
    assertScheduleOrder(
      changes.opensAt === undefined ? existing.opensAt : changes.opensAt,
      changes.closesAt === undefined ? existing.closesAt : changes.closesAt,
    );

    await this.database.transaction(async (tx) => {
      const now = this.clock.now();
      const before = (await this.conversations.lock(tx, existing.id))!;
      await this.conversations.update(tx, existing.id, changes, now);
      const after = (await this.conversations.lock(tx, existing.id))!;
      const diff = changedFields(conversationSnapshot(before), conversationSnapshot(after));
      if (Object.keys(diff.after).length === 0) return;

      await this.audit.record(
        tx,
        [
          {
            conversationId: existing.id,
            actorId: user.id,
            action: 'conversation.updated',
            targetType: 'conversation',
            targetId: existing.id,
            ...diff,
          },
        ],
        now,
      );
    });
    // The schedule decides who may read; comment pages cache that without an event to renew it.
    this.notices.flushPages();
    const record = (await this.conversations.find(existing.id))!;
    await this.schedule.plan(record);

    return toConversation(record, user, this.clock.now());
  }

  async addFacilitator(user: User, id: string, userId: string): Promise<Conversation> {
    const conversation = await this.load(user, id);
    assertManagesFacilitators(user, conversation);
    const person = await this.users.findById(userId);
    const isEligible = person?.roles.some((role) => role === 'facilitator' || role === 'admin');
    if (!person || person.deletedAt || !isEligible) {
      throw new AppError('VALIDATION_FAILED', 'Only facilitators and admins can facilitate', [
        { path: 'userId', message: 'Must be a facilitator or an admin' },
      ]);
    }

    await this.database.transaction(async (tx) => {
      const now = this.clock.now();
      const before = (await this.conversations.lock(tx, conversation.id))!;
      if (before.facilitatorIds.includes(userId)) return;
      await this.conversations.addFacilitator(tx, conversation.id, userId, user.id, now);
      await this.recordFacilitators(tx, user, before, 'facilitator.added', userId, now);
    });
    this.notices.flushPages();

    return this.get(user, conversation.id);
  }

  async removeFacilitator(user: User, id: string, userId: string): Promise<Conversation> {
    const conversation = await this.load(user, id);
    assertManagesFacilitators(user, conversation);

    await this.database.transaction(async (tx) => {
      const now = this.clock.now();
      const before = (await this.conversations.lock(tx, conversation.id))!;
      if (!before.facilitatorIds.includes(userId)) return;
      await this.conversations.removeFacilitator(tx, conversation.id, userId);
      await this.recordFacilitators(tx, user, before, 'facilitator.removed', userId, now);
    });
    this.notices.flushPages();

    return this.get(user, conversation.id);
  }

  private async recordFacilitators(
    tx: Sql,
    user: User,
    before: ConversationRecord,
    action: 'facilitator.added' | 'facilitator.removed',
    userId: string,
    now: Date,
  ): Promise<void> {
    const after = (await this.conversations.lock(tx, before.id))!;

    await this.audit.record(
      tx,
      [
        {
          conversationId: before.id,
          actorId: user.id,
          action,
          targetType: 'person',
          targetId: userId,
          before: { facilitatorIds: before.facilitatorIds },
          after: { facilitatorIds: after.facilitatorIds },
        },
      ],
      now,
    );
  }
}

function dateOrNull(value: string | null | undefined): Date | null | undefined {
  if (value === undefined) return undefined;

  return value === null ? null : new Date(value);
}

function assertScheduleOrder(opensAt: Date | null, closesAt: Date | null): void {
  if (opensAt && closesAt && opensAt >= closesAt) {
    throw new AppError('VALIDATION_FAILED', 'The conversation must open before it closes', [
      { path: 'closesAt', message: 'Must be after opensAt' },
    ]);
  }
}
