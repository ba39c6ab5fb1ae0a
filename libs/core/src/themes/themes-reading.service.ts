import type {
  PublicThemes,
  Theme,
  ThemeCommentPage,
  ThemeQuote,
  ThemeRunDetail,
  ThemesOverview,
} from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { ConversationRecord } from '../conversations/conversation.records';
import { canFacilitate } from '../conversations/conversation.policy';
import type { ConversationsService } from '../conversations/conversations.service';
import { AppError } from '../errors/app-error';
import { toThemeRun, toThemeSettings } from './presenters';
import type { QuoteRow, ThemeInputsRepository } from './theme-inputs.repository';
import type { ThemeRunsRepository } from './theme-runs.repository';
import type { ThemeRecord, ThemesRepository } from './themes.repository';

const quoteCount = 5;
const recentRuns = 20;

/** Themes are read and curated by the conversation's facilitators, analysts and admins. */
export async function loadForAnalyst(
  conversations: ConversationsService,
  user: User,
  conversationId: string,
): Promise<ConversationRecord> {
  const conversation = await conversations.load(user, conversationId);
  if (!canFacilitate(user, conversation) && !user.roles.includes('analyst')) {
    throw new AppError('FORBIDDEN', 'Only analysts and facilitators of this conversation may');
  }

  return conversation;
}

export function toQuote(row: QuoteRow): ThemeQuote {
  return {
    id: row.id,
    kind: row.kind,
    commentId: row.commentId,
    topicId: row.topicId,
    poll:
      row.kind === 'answer' && row.pollId
        ? { id: row.pollId, question: { bg: row.questionBg ?? '', en: row.questionEn ?? '' } }
        : null,
    body: row.body,
    language: row.language,
    agree: row.agree,
    disagree: row.disagree,
    createdAt: row.createdAt.toISOString(),
  };
}

export function labelOf(theme: ThemeRecord, language: 'bg' | 'en'): string {
  const preferred = language === 'en' ? theme.labelEn : theme.labelBg;
  const other = language === 'en' ? theme.labelBg : theme.labelEn;

  return preferred ?? other ?? theme.autoLabel;
}

export class ThemesReadingService {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly runs: ThemeRunsRepository,
    private readonly themes: ThemesRepository,
    private readonly inputs: ThemeInputsRepository,
  ) {}

  async overview(user: User, conversationId: string, language: 'bg' | 'en') {
    const conversation = await loadForAnalyst(this.conversations, user, conversationId);

    return this.describe(conversation.id, language, true);
  }

  async describe(
    conversationId: string,
    language: 'bg' | 'en',
    withHidden: boolean,
  ): Promise<ThemesOverview> {
    const settings = await this.runs.findSettings(conversationId);
    const [runs, active, stats, weeks, otherCount, unplacedCount] = await Promise.all([
      this.runs.listRecent(conversationId, recentRuns),
      this.themes.listActive(conversationId),
      this.themes.statistics(conversationId),
      this.themes.weekly(conversationId),
      this.themes.countOther(conversationId),
      this.inputs.countUnplaced(conversationId),
    ]);
    const current = runs.find((run) => run.id === settings?.currentRunId) ?? null;
    const shown = active.filter((theme) => withHidden || !theme.isHidden);
    const representatives = current
      ? new Map(
          (await this.themes.runThemes(current.id)).map((row) => [
            row.themeId,
            row.representativeIds,
          ]),
        )
      : new Map<string, string[]>();

    const themes = await Promise.all(
      shown.map(async (theme): Promise<Theme> => {
        const stat = stats.find((row) => row.themeId === theme.id);
        const quotes = await this.quotesOf(theme, representatives.get(theme.id) ?? []);

        return {
          ...this.present(theme, language),
          agree: stat?.agree ?? 0,
          disagree: stat?.disagree ?? 0,
          trend: weeks
            .filter((row) => row.themeId === theme.id)
            .map((row) => ({ week: row.week, count: row.count })),
          quotes,
        };
      }),
    );

    return {
      conversationId,
      settings: toThemeSettings(settings),
      currentRun: current ? toThemeRun(current) : null,
      runs: runs.map(toThemeRun),
      themes,
      otherCount,
      unplacedCount,
    };
  }

  /** The run's representatives while they are still in the theme, then its most confident. */
  private async quotesOf(theme: ThemeRecord, representativeIds: string[]) {
    const fromRun = await this.inputs.quotes(representativeIds);
    if (fromRun.length >= quoteCount) return fromRun.slice(0, quoteCount).map(toQuote);
    const extra = await this.themes.comments(theme.conversationId, theme.id, null, quoteCount * 2);
    const seen = new Set(fromRun.map((row) => row.id));
    const quotes = [...fromRun, ...extra.filter((row) => !seen.has(row.id))];

    return quotes.slice(0, quoteCount).map(toQuote);
  }

  present(theme: ThemeRecord, language: 'bg' | 'en') {
    return {
      id: theme.id,
      label: labelOf(theme, language),
      labelBg: theme.labelBg,
      labelEn: theme.labelEn,
      autoLabel: theme.autoLabel,
      terms: theme.terms,
      size: theme.size,
      status: theme.status,
      isPinned: theme.isPinned,
      isHidden: theme.isHidden,
    };
  }

  async theme(user: User, themeId: string, language: 'bg' | 'en'): Promise<Theme> {
    const theme = await this.themes.find(themeId);
    if (!theme) throw new AppError('NOT_FOUND', 'No such theme');
    const overview = await this.overview(user, theme.conversationId, language);
    const found = overview.themes.find((item) => item.id === theme.id);

    return (
      found ?? { ...this.present(theme, language), agree: 0, disagree: 0, trend: [], quotes: [] }
    );
  }

  async run(user: User, runId: string): Promise<ThemeRunDetail> {
    const run = await this.runs.find(runId);
    if (!run) throw new AppError('NOT_FOUND', 'No such theme run');
    await loadForAnalyst(this.conversations, user, run.conversationId);
    const [input, themes] = await Promise.all([
      this.runs.input(run.id),
      this.themes.runThemes(run.id),
    ]);

    return {
      ...toThemeRun(run),
      parameters: { ...run.parameters },
      inputCommentIds: input.commentIds,
      inputAnswerIds: input.answerIds,
      themes: themes.map((row) => ({
        themeId: row.themeId,
        position: row.position,
        label: row.label,
        terms: row.terms,
        size: row.size,
        representativeIds: row.representativeIds,
        match: row.match,
        overlap: row.overlap,
      })),
    };
  }

  async comments(
    user: User,
    target: { themeId: string } | { conversationId: string },
    query: { cursor?: string; limit: number },
  ): Promise<ThemeCommentPage> {
    let conversationId: string;
    let themeId: string | null = null;
    if ('themeId' in target) {
      const theme = await this.themes.find(target.themeId);
      if (!theme) throw new AppError('NOT_FOUND', 'No such theme');
      conversationId = theme.conversationId;
      themeId = theme.id;
    } else {
      conversationId = target.conversationId;
    }

    const conversation = await loadForAnalyst(this.conversations, user, conversationId);
    const after = parseCursor(query.cursor);
    const rows = await this.themes.comments(conversation.id, themeId, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];

    return {
      items: page.map((row) => ({
        ...toQuote(row),
        themeId: row.themeId,
        confidence: row.confidence,
        source: row.source,
        tagIds: row.tagIds,
      })),
      nextCursor: rows.length > query.limit && last ? `${last.confidence}_${last.id}` : null,
    };
  }

  /** What citizens see: nothing until an analyst publishes it, never hidden themes. */
  async published(
    viewer: User | null,
    conversationId: string,
    language: 'bg' | 'en',
  ): Promise<PublicThemes> {
    const conversation = await this.conversations.load(viewer, conversationId);
    const settings = await this.runs.findSettings(conversation.id);
    if (!settings?.isPublished || !settings.currentRunId) {
      return { conversationId: conversation.id, runNumber: null, updatedAt: null, themes: [] };
    }

    const overview = await this.describe(conversation.id, language, false);
    const placed = overview.themes.reduce((sum, theme) => sum + theme.size, 0);

    return {
      conversationId: conversation.id,
      runNumber: overview.currentRun?.number ?? null,
      updatedAt: overview.currentRun?.completedAt ?? null,
      themes: overview.themes.map((theme) => ({
        id: theme.id,
        label: theme.label,
        terms: theme.terms,
        size: theme.size,
        share: placed === 0 ? 0 : theme.size / placed,
        quotes: theme.quotes.slice(0, 3),
      })),
    };
  }
}

function parseCursor(cursor: string | undefined) {
  if (!cursor) return null;
  const match = /^([0-9.eE+-]+)_((?:answer:)?[0-9a-f-]{36})$/.exec(cursor);
  if (!match) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid');

  return { confidence: Number(match[1]), id: match[2] };
}
