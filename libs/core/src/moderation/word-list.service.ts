import {
  moderationLimits,
  type WordListEntryRequest,
  type WordListEntryUpdate,
  type WordListEntryView,
  type WordListTestResult,
  type WordListView,
} from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Database, Sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { AuditRepository } from './audit.repository';
import type { ContentCheck } from './content-check';
import { loadForFacilitator } from './moderation-access';
import type { ModerationSettingsRepository } from './moderation-settings.repository';
import type { WordListRecord, WordListRepository } from './word-list.repository';

/** Facilitators keep a word list per conversation; each change moves its version on. */
export class WordListService {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly conversationsService: ConversationsService,
    private readonly entries: WordListRepository,
    private readonly settings: ModerationSettingsRepository,
    private readonly content: ContentCheck,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async list(user: User, conversationId: string): Promise<WordListView> {
    const conversation = await loadForFacilitator(this.conversationsService, user, conversationId);

    const [entries, settings] = await Promise.all([
      this.entries.list(conversation.id),
      this.settings.find(conversation.id),
    ]);

    return { items: entries.map(toView), version: settings.wordListVersion };
  }

  async add(
    user: User,
    conversationId: string,
    request: WordListEntryRequest,
  ): Promise<WordListEntryView> {
    const conversation = await loadForFacilitator(this.conversationsService, user, conversationId);

    return this.change(conversation.id, user, async (tx, now) => {
      if ((await this.entries.count(tx, conversation.id)) >= moderationLimits.wordListMax) {
        throw new AppError('VALIDATION_FAILED', 'The word list is full', [
          { path: '', message: `At most ${moderationLimits.wordListMax} entries` },
        ]);
      }

      const fields = {
        pattern: request.pattern,
        action: request.action,
        matchInflections: request.matchInflections ?? true,
        wholeWord: request.wholeWord ?? true,
      };
      const entry = await this.entries.insert(tx, conversation.id, fields, user.id, now);

      return { entry, action: 'word_list.added', before: null };
    });
  }

  async update(
    user: User,
    conversationId: string,
    entryId: string,
    request: WordListEntryUpdate,
  ): Promise<WordListEntryView> {
    const conversation = await loadForFacilitator(this.conversationsService, user, conversationId);

    return this.change(conversation.id, user, async (tx) => {
      const before = await this.findEntry(tx, conversation.id, entryId);
      const entry = await this.entries.update(tx, entryId, {
        pattern: request.pattern ?? before.pattern,
        action: request.action ?? before.action,
        matchInflections: request.matchInflections ?? before.matchInflections,
        wholeWord: request.wholeWord ?? before.wholeWord,
      });

      return { entry, action: 'word_list.changed', before };
    });
  }

  async remove(user: User, conversationId: string, entryId: string): Promise<void> {
    const conversation = await loadForFacilitator(this.conversationsService, user, conversationId);

    await this.change(conversation.id, user, async (tx) => {
      const before = await this.findEntry(tx, conversation.id, entryId);
      await this.entries.remove(tx, entryId);

      return { entry: null, action: 'word_list.removed', before };
    });
  }

  async test(user: User, conversationId: string, text: string): Promise<WordListTestResult> {
    const conversation = await loadForFacilitator(this.conversationsService, user, conversationId);

    return this.content.check(conversation.id, text);
  }

  private async change<T extends WordListRecord | null>(
    conversationId: string,
    user: User,
    work: (
      tx: Sql,
      now: Date,
    ) => Promise<{ entry: T; action: string; before: WordListRecord | null }>,
  ): Promise<T extends WordListRecord ? WordListEntryView : null> {
    const result = await this.database.transaction(async (tx) => {
      await this.conversations.lock(tx, conversationId);
      const now = this.clock.now();
      const { entry, action, before } = await work(tx, now);
      await this.settings.bumpWordList(tx, conversationId);
      await this.audit.record(
        tx,
        [
          {
            conversationId,
            actorId: user.id,
            action,
            targetType: 'word-list',
            targetId: entry?.id ?? before?.id ?? null,
            before: before && toView(before),
            after: entry && toView(entry),
          },
        ],
        now,
      );

      return entry;
    });

    return (result && toView(result)) as T extends WordListRecord ? WordListEntryView : null;
  }

  private async findEntry(tx: Sql, conversationId: string, id: string) {
    const entry = await this.entries.find(tx, conversationId, id);
    if (!entry) throw new AppError('NOT_FOUND', 'No such word-list entry');

    return entry;
  }
}

function toView(record: WordListRecord): WordListEntryView {
  return {
    id: record.id,
    pattern: record.pattern,
    action: record.action,
    matchInflections: record.matchInflections,
    wholeWord: record.wholeWord,
    createdAt: record.createdAt.toISOString(),
  };
}
