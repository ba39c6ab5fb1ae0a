import type {
  MergeThemesRequest,
  MoveCommentsRequest,
  SplitThemeRequest,
  Theme,
  ThemeRun,
  ThemeRunRequest,
  ThemeSettings,
  ThemesChange,
  UpdateThemeRequest,
  UpdateThemeSettingsRequest,
} from '@razgovor/contracts';
import { findThemes } from '@razgovor/themes';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Database, Sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository } from '../events/events.repository';
import type { AuditRepository, NewAuditEntry } from '../moderation/audit.repository';
import { toThemeRun, toThemeSettings } from './presenters';
import { derivedUuid } from './theme-matching';
import { centroidOf, type ThemePlacer } from './theme-placer';
import type { ThemeRunsRepository } from './theme-runs.repository';
import { themesEvent, type ThemeRunsService } from './theme-runs.service';
import { loadForAnalyst, type ThemesReadingService } from './themes-reading.service';
import type { ThemeRecord, ThemesRepository } from './themes.repository';

/** Largest theme split in the request itself; larger ones would hold the request too long. */
const splitMaxComments = 5000;

/**
 * Curation by analysts and facilitators. Every change is one transaction with its audit entry
 * and a `themes.changed` event, and survives the next run: labels and flags stay with the theme
 * id, pinned themes keep their comments, moved comments stay where they were put.
 */
export class ThemeCurationService {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsService,
    private readonly runs: ThemeRunsRepository,
    private readonly themes: ThemesRepository,
    private readonly runsService: ThemeRunsService,
    private readonly placer: ThemePlacer,
    private readonly reading: ThemesReadingService,
    private readonly audit: AuditRepository,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
  ) {}

  async requestRun(user: User, conversationId: string, request: ThemeRunRequest) {
    const conversation = await loadForAnalyst(this.conversations, user, conversationId);

    const { run, isNew } = await this.runsService.request(conversation.id, 'manual', user.id, {
      k: request.k,
      seed: request.seed,
    });
    if (isNew) {
      await this.database.transaction((tx) =>
        this.audit.record(
          tx,
          [
            {
              conversationId: conversation.id,
              actorId: user.id,
              action: 'theme-run.requested',
              targetType: 'theme-run',
              targetId: run.id,
              after: { number: run.number, k: request.k ?? null, seed: run.parameters.seed },
            },
          ],
          this.clock.now(),
        ),
      );
    }

    return toThemeRun(run) satisfies ThemeRun;
  }

  async updateSettings(
    user: User,
    conversationId: string,
    request: UpdateThemeSettingsRequest,
  ): Promise<ThemeSettings> {
    const conversation = await loadForAnalyst(this.conversations, user, conversationId);
    const now = this.clock.now();

    return this.database.transaction(async (tx) => {
      const before = await this.runs.lockSettings(tx, conversation.id, now);
      const minK = request.minK === undefined ? before.minK : request.minK;
      const maxK = request.maxK === undefined ? before.maxK : request.maxK;
      if (minK && maxK && minK > maxK) {
        throw new AppError('VALIDATION_FAILED', 'minK must not exceed maxK', [
          { path: 'minK', message: 'Must not exceed maxK' },
        ]);
      }

      await this.runs.updateSettings(tx, conversation.id, request, now);
      const after = (await this.runs.findSettings(conversation.id, tx))!;
      await this.record(tx, user, {
        conversationId: conversation.id,
        action: 'themes.settings-changed',
        targetType: 'conversation',
        targetId: conversation.id,
        before: toThemeSettings(before),
        after: toThemeSettings(after),
      });

      return toThemeSettings(after);
    });
  }

  async update(user: User, themeId: string, request: UpdateThemeRequest, language: 'bg' | 'en') {
    const theme = await this.loadTheme(user, themeId);
    const change = {
      labelBg: request.labelBg,
      labelEn: request.labelEn,
      isPinned: request.isPinned,
      isHidden: request.isHidden,
    };
    const isRename = request.labelBg !== undefined || request.labelEn !== undefined;

    await this.change(
      theme.conversationId,
      [theme.id],
      isRename ? 'renamed' : 'flagged',
      async (tx, now) => {
        const [locked] = await this.themes.lock(tx, [theme.id]);
        assertActive(locked);
        await this.themes.update(tx, theme.id, change, now);
        const before = Object.fromEntries(
          Object.keys(request).map((key) => [key, locked[key as keyof typeof change]]),
        );
        await this.record(tx, user, {
          conversationId: theme.conversationId,
          action: isRename ? 'theme.renamed' : 'theme.flagged',
          targetType: 'theme',
          targetId: theme.id,
          before,
          after: request,
        });
      },
    );

    return this.reading.theme(user, theme.id, language) satisfies Promise<Theme>;
  }

  async merge(
    user: User,
    conversationId: string,
    request: MergeThemesRequest,
    language: 'bg' | 'en',
  ) {
    const conversation = await loadForAnalyst(this.conversations, user, conversationId);
    const merged = [...new Set(request.themeIds)].filter((id) => id !== request.intoId);
    if (merged.length === 0) {
      throw new AppError('VALIDATION_FAILED', 'Name at least one theme other than the target', [
        { path: 'themeIds', message: 'Must include a theme other than intoId' },
      ]);
    }

    await this.change(conversation.id, [request.intoId, ...merged], 'merged', async (tx, now) => {
      const locked = await this.themes.lock(tx, [request.intoId, ...merged]);
      if (locked.length !== merged.length + 1) throw new AppError('NOT_FOUND', 'No such theme');
      for (const theme of locked) {
        if (theme.conversationId !== conversation.id) {
          throw new AppError('NOT_FOUND', 'No such theme in this conversation');
        }

        assertActive(theme);
      }

      await this.themes.moveAll(tx, merged, request.intoId, now);
      await this.themes.markMerged(tx, merged, request.intoId, now);
      await this.themes.recount(tx, conversation.id);
      await this.record(tx, user, {
        conversationId: conversation.id,
        action: 'theme.merged',
        targetType: 'theme',
        targetId: request.intoId,
        before: { themes: locked.map((theme) => ({ id: theme.id, size: theme.size })) },
        after: { into: request.intoId, merged },
      });
    });

    return this.reading.theme(user, request.intoId, language);
  }

  /**
   * Re-clusters one theme's comments; the largest part keeps the theme, the rest are new. Each
   * part gets a centroid in the space of the run in force, so arrivals go to the right part.
   */
  async split(user: User, themeId: string, request: SplitThemeRequest) {
    const theme = await this.loadTheme(user, themeId);
    const now = this.clock.now();
    const members = await this.themes.commentsOf(this.database.pool, theme.id);
    if (members.length < 4) {
      throw new AppError('VALIDATION_FAILED', 'A theme needs at least 4 comments to split');
    }

    if (members.length > splitMaxComments) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Only themes of up to ${splitMaxComments} comments split here`,
      );
    }

    const result = findThemes(
      members.map((member) => member.body),
      { seed: 1, ...(request.k ? { k: request.k } : { minK: 2, maxK: 6 }) },
    );
    const parts = result.themes.map((part) => ({
      part,
      commentIds: members
        .filter((_, i) => result.assignments[i].theme === part.id)
        .map((m) => m.id),
    }));
    // "Other" of the sub-clustering stays with the theme being split.
    const kept = members.filter((_, i) => result.assignments[i].theme === null).map((m) => m.id);
    const newIds = parts
      .slice(1)
      .map((_, i) => derivedUuid(`split:${theme.id}:${now.getTime()}:${i}`));
    const texts = new Map(members.map((member) => [member.id, member.body]));
    const partIds = [
      [...(parts[0]?.commentIds ?? []), ...kept],
      ...parts.slice(1).map((p) => p.commentIds),
    ];
    const partTexts = partIds.map((ids) => ids.map((id) => texts.get(id) ?? ''));

    await this.change(theme.conversationId, [theme.id, ...newIds], 'split', async (tx) => {
      const [locked] = await this.themes.lock(tx, [theme.id]);
      assertActive(locked);
      for (const [i, { part, commentIds }] of parts.slice(1).entries()) {
        await this.themes.insertTheme(
          tx,
          {
            id: newIds[i],
            conversationId: theme.conversationId,
            autoLabel: part.label,
            terms: part.terms,
          },
          null,
          now,
        );
        await this.themes.assign(
          tx,
          theme.conversationId,
          commentIds.map((commentId) => ({ commentId, themeId: newIds[i], confidence: 1 })),
          'moved',
          null,
          now,
          false,
        );
      }

      await this.savePartCentroids(tx, theme.conversationId, [theme.id, ...newIds], partTexts, now);
      await this.themes.recount(tx, theme.conversationId);
      await this.record(tx, user, {
        conversationId: theme.conversationId,
        action: 'theme.split',
        targetType: 'theme',
        targetId: theme.id,
        before: { size: locked.size },
        after: {
          parts: [
            {
              id: theme.id,
              label: parts[0]?.part.label ?? null,
              size: (parts[0]?.commentIds.length ?? 0) + kept.length,
            },
            ...parts.slice(1).map(({ part, commentIds }, i) => ({
              id: newIds[i],
              label: part.label,
              size: commentIds.length,
            })),
          ],
        },
      });
    });

    return { themeIds: [theme.id, ...newIds] };
  }

  async move(user: User, conversationId: string, request: MoveCommentsRequest) {
    const conversation = await loadForAnalyst(this.conversations, user, conversationId);
    const commentIds = [...new Set(request.commentIds)];
    const targetIds = request.themeId ? [request.themeId] : [];

    let moved = 0;
    await this.change(conversation.id, targetIds, 'moved', async (tx, now) => {
      if (request.themeId) {
        const [target] = await this.themes.lock(tx, [request.themeId]);
        if (!target || target.conversationId !== conversation.id) {
          throw new AppError('NOT_FOUND', 'No such theme in this conversation');
        }

        assertActive(target);
      }

      const placements = commentIds.map((commentId) => ({
        commentId,
        themeId: request.themeId,
        confidence: 1,
      }));
      moved = await this.themes.assign(tx, conversation.id, placements, 'moved', null, now, false);
      if (moved !== commentIds.length) {
        throw new AppError('NOT_FOUND', 'Some comments are not in this conversation');
      }

      await this.themes.recount(tx, conversation.id);
      await this.record(tx, user, {
        conversationId: conversation.id,
        action: 'theme.comments-moved',
        targetType: 'theme',
        targetId: request.themeId,
        after: { commentIds, themeId: request.themeId },
      });
    });

    return { moved };
  }

  /** Centroids of the parts in the space of the run in force, which places new arrivals. */
  private async savePartCentroids(
    tx: Sql,
    conversationId: string,
    themeIds: string[],
    texts: string[][],
    now: Date,
  ) {
    const settings = await this.runs.findSettings(conversationId, tx);
    if (!settings?.currentRunId) return;
    const { model } = await this.placer.model(tx, settings.currentRunId);
    const centroids = themeIds.map((themeId, i) => ({
      themeId,
      centroid: centroidOf(model, texts[i]),
      createdAt: now,
    }));
    await this.runs.saveCentroids(tx, settings.currentRunId, centroids);
  }

  private async loadTheme(user: User, themeId: string): Promise<ThemeRecord> {
    const theme = await this.themes.find(themeId);
    if (!theme) throw new AppError('NOT_FOUND', 'No such theme');
    await loadForAnalyst(this.conversations, user, theme.conversationId);

    return theme;
  }

  private async change(
    conversationId: string,
    themeIds: string[],
    change: ThemesChange,
    work: (tx: Sql, now: Date) => Promise<void>,
  ): Promise<void> {
    const now = this.clock.now();
    const seq = await this.database.transaction(async (tx) => {
      // Curation and runs of one conversation take turns on its settings row.
      await this.runs.lockSettings(tx, conversationId, now);
      await work(tx, now);

      return this.events.append(
        tx,
        conversationId,
        [themesEvent(conversationId, themeIds, change)],
        now,
      );
    });
    this.notices.publish(conversationId, seq);
  }

  private record(tx: Sql, user: User, entry: Omit<NewAuditEntry, 'actorId'>) {
    return this.audit.record(tx, [{ ...entry, actorId: user.id }], this.clock.now());
  }
}

function assertActive(theme: ThemeRecord | undefined): asserts theme is ThemeRecord {
  if (!theme) throw new AppError('NOT_FOUND', 'No such theme');
  if (theme.status !== 'active') {
    throw new AppError('THEME_NOT_ACTIVE', `The theme was ${theme.status} and cannot change`);
  }
}
