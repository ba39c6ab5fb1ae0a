import type { Tag, TagRequest, TagSuggestion, TagUpdate } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { ConversationsService } from '../conversations/conversations.service';
import { isUniqueViolation, type Database, type Sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { AuditRepository, NewAuditEntry } from '../moderation/audit.repository';
import { suggestTags } from './tag-classifier';
import type { TagRecord, TagsRepository } from './tags.repository';
import { loadForAnalyst } from './themes-reading.service';

const suggestionLimit = 200;

function toTag(tag: TagRecord): Tag {
  return {
    id: tag.id,
    conversationId: tag.conversationId,
    nameBg: tag.nameBg,
    nameEn: tag.nameEn,
    description: tag.description,
    commentCount: tag.commentCount,
    createdAt: tag.createdAt.toISOString(),
  };
}

/** The analysts' codebook: tags, tagging by hand, and suggestions a person accepts or rejects. */
export class TagsService {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsService,
    private readonly tags: TagsRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async list(user: User, conversationId: string) {
    const conversation = await loadForAnalyst(this.conversations, user, conversationId);

    return { items: (await this.tags.list(conversation.id)).map(toTag) };
  }

  async create(user: User, conversationId: string, request: TagRequest): Promise<Tag> {
    const conversation = await loadForAnalyst(this.conversations, user, conversationId);
    const tag = {
      conversationId: conversation.id,
      nameBg: request.nameBg,
      nameEn: request.nameEn ?? '',
      description: request.description ?? '',
    };

    const id = await this.write(async (tx, now) => {
      const created = await this.tags.insert(tx, tag, user.id, now);
      await this.record(tx, user, {
        conversationId: conversation.id,
        action: 'tag.created',
        targetType: 'tag',
        targetId: created,
        after: tag,
      });

      return created;
    });

    return toTag((await this.tags.find(id))!);
  }

  async update(user: User, tagId: string, request: TagUpdate): Promise<Tag> {
    const tag = await this.load(user, tagId);

    await this.write(async (tx, now) => {
      await this.tags.update(tx, tag.id, request, now);
      await this.record(tx, user, {
        conversationId: tag.conversationId,
        action: 'tag.changed',
        targetType: 'tag',
        targetId: tag.id,
        before: { nameBg: tag.nameBg, nameEn: tag.nameEn, description: tag.description },
        after: request,
      });
    });

    return toTag((await this.tags.find(tag.id))!);
  }

  async remove(user: User, tagId: string): Promise<void> {
    const tag = await this.load(user, tagId);

    await this.write(async (tx) => {
      await this.tags.remove(tx, tag.id);
      await this.record(tx, user, {
        conversationId: tag.conversationId,
        action: 'tag.removed',
        targetType: 'tag',
        targetId: tag.id,
        before: { nameBg: tag.nameBg, nameEn: tag.nameEn, comments: tag.commentCount },
      });
    });
  }

  async tagComment(user: User, commentId: string, tagId: string, isTagged: boolean) {
    const tag = await this.load(user, tagId);
    const conversationId = await this.tags.commentConversation(commentId);
    if (conversationId !== tag.conversationId) {
      throw new AppError('NOT_FOUND', 'No such comment in the conversation of this tag');
    }

    await this.write(async (tx, now) => {
      const isChanged = isTagged
        ? await this.tags.tag(tx, { commentId, tagId, conversationId }, 'manual', user.id, now)
        : await this.tags.untag(tx, commentId, tagId);
      if (!isChanged) return;
      await this.record(tx, user, {
        conversationId,
        action: isTagged ? 'comment.tagged' : 'comment.untagged',
        targetType: 'comment',
        targetId: commentId,
        after: { tagId },
      });
    });
  }

  /** Trains on the hand-tagged comments and stores suggestions for the untagged ones. */
  async suggest(user: User, conversationId: string) {
    const conversation = await loadForAnalyst(this.conversations, user, conversationId);
    const [texts, tags] = await Promise.all([
      this.tags.training(conversation.id),
      this.tags.list(conversation.id),
    ]);

    const guesses = suggestTags(
      texts,
      tags.map((tag) => tag.id),
    );
    await this.write((tx, now) => this.tags.replaceSuggestions(tx, conversation.id, guesses, now));

    return {
      suggested: guesses.length,
      trainedOn: texts.filter((text) => text.tagIds.length > 0).length,
    };
  }

  async suggestions(user: User, conversationId: string): Promise<{ items: TagSuggestion[] }> {
    const conversation = await loadForAnalyst(this.conversations, user, conversationId);

    return { items: await this.tags.suggestions(conversation.id, suggestionLimit) };
  }

  async decide(
    user: User,
    conversationId: string,
    request: { commentId: string; tagId: string; accept: boolean },
  ): Promise<void> {
    const conversation = await loadForAnalyst(this.conversations, user, conversationId);

    await this.write(async (tx, now) => {
      const decided = await this.tags.decide(
        tx,
        request.commentId,
        request.tagId,
        request.accept,
        user.id,
        now,
      );
      if (!decided || decided.conversationId !== conversation.id) {
        throw new AppError('NOT_FOUND', 'No open suggestion for this comment and tag');
      }

      if (request.accept) {
        await this.tags.tag(
          tx,
          { commentId: request.commentId, tagId: request.tagId, conversationId: conversation.id },
          'suggestion',
          user.id,
          now,
        );
      }

      await this.record(tx, user, {
        conversationId: conversation.id,
        action: request.accept ? 'tag-suggestion.accepted' : 'tag-suggestion.rejected',
        targetType: 'comment',
        targetId: request.commentId,
        after: { tagId: request.tagId },
      });
    });
  }

  private async load(user: User, tagId: string): Promise<TagRecord> {
    const tag = await this.tags.find(tagId);
    if (!tag) throw new AppError('NOT_FOUND', 'No such tag');
    await loadForAnalyst(this.conversations, user, tag.conversationId);

    return tag;
  }

  private async write<T>(work: (tx: Sql, now: Date) => Promise<T>): Promise<T> {
    const now = this.clock.now();
    try {
      return await this.database.transaction((tx) => work(tx, now));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('TAG_NAME_TAKEN', 'A tag with this Bulgarian name already exists');
      }

      throw error;
    }
  }

  private record(tx: Sql, user: User, entry: Omit<NewAuditEntry, 'actorId'>) {
    return this.audit.record(tx, [{ ...entry, actorId: user.id }], this.clock.now());
  }
}
