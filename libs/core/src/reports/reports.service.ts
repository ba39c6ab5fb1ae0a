import type {
  InsightReport,
  ReportDecisionRequest,
  ReportDraft,
  UpdateReportRequest,
} from '@razgovor/contracts';
import { reportLimits } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { ConversationRecord } from '../conversations/conversation.records';
import { canFacilitate } from '../conversations/conversation.policy';
import type { ConversationsService } from '../conversations/conversations.service';
import { AppError } from '../errors/app-error';
import type { AuditService } from '../moderation/audit.service';
import { loadForFacilitator } from '../moderation/moderation-access';
import { participationBreakdown, themeDistricts } from './report-breakdowns';
import type { ReportFiguresRepository } from './report-figures.repository';
import type { ReportPreferences } from './report-preferences';
import type {
  ReportRecord,
  ReportsRepository,
  TagCountRow,
  ThemeOptionRecord,
} from './reports.repository';
import { agePopulation, districtPopulation, genderPopulation } from './sofia-population';

const emptyReport: ReportRecord = {
  introductionBg: '',
  introductionEn: '',
  themeIds: [],
  themeRunId: null,
  publishedAt: null,
  preferences: null,
  tagMode: 'none',
};

/** The insight report: facilitators edit and publish it; anyone reads it once published. */
export class ReportsService {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly reports: ReportsRepository,
    private readonly figures: ReportFiguresRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly preferences: ReportPreferences,
  ) {}

  async draft(user: User, conversationId: string): Promise<ReportDraft> {
    const conversation = await loadForFacilitator(this.conversations, user, conversationId);

    return this.present(conversation);
  }

  async update(user: User, conversationId: string, change: UpdateReportRequest) {
    const conversation = await loadForFacilitator(this.conversations, user, conversationId);
    if (change.themeIds) await this.assertThemes(conversation.id, change.themeIds);
    const preferences = change.preferences
      ? await this.preferences.check(conversation.id, change.preferences)
      : change.preferences;

    await this.reports.save(
      conversation.id,
      {
        introductionBg: change.introduction?.bg,
        introductionEn: change.introduction?.en,
        themeIds: change.themeIds ? [...new Set(change.themeIds)] : undefined,
        preferences,
        tagMode: change.tagMode,
      },
      user.id,
      this.clock.now(),
    );

    return this.present(conversation);
  }

  async addDecision(user: User, conversationId: string, decision: ReportDecisionRequest) {
    const conversation = await loadForFacilitator(this.conversations, user, conversationId);
    await this.assertThemes(conversation.id, decision.themeIds);
    const existing = await this.reports.decisions(conversation.id);
    if (existing.length >= reportLimits.decisionsMax) {
      throw new AppError('VALIDATION_FAILED', 'A report holds at most 100 decisions');
    }

    await this.reports.addDecision(
      conversation.id,
      { textBg: decision.text.bg, textEn: decision.text.en, themeIds: decision.themeIds },
      user.id,
      this.clock.now(),
    );

    return this.present(conversation);
  }

  async updateDecision(
    user: User,
    conversationId: string,
    decisionId: string,
    decision: ReportDecisionRequest,
  ) {
    const conversation = await loadForFacilitator(this.conversations, user, conversationId);
    await this.assertThemes(conversation.id, decision.themeIds);
    const isFound = await this.reports.updateDecision(
      conversation.id,
      {
        id: decisionId,
        textBg: decision.text.bg,
        textEn: decision.text.en,
        themeIds: decision.themeIds,
      },
      this.clock.now(),
    );
    if (!isFound) throw new AppError('NOT_FOUND', 'No such decision');

    return this.present(conversation);
  }

  async removeDecision(user: User, conversationId: string, decisionId: string) {
    const conversation = await loadForFacilitator(this.conversations, user, conversationId);
    const isFound = await this.reports.removeDecision(conversation.id, decisionId);
    if (!isFound) throw new AppError('NOT_FOUND', 'No such decision');

    return this.present(conversation);
  }

  async publish(user: User, conversationId: string, isPublished: boolean): Promise<ReportDraft> {
    const conversation = await loadForFacilitator(this.conversations, user, conversationId);
    const now = this.clock.now();
    const runId = isPublished ? await this.reports.currentRunId(conversation.id) : null;

    await this.reports.setPublished(conversation.id, isPublished ? now : null, runId, user.id, now);

    return this.present(conversation);
  }

  /** Public once published; before that only its facilitators (and admins) see a preview. */
  async report(viewer: User | null, conversationId: string): Promise<InsightReport> {
    const conversation = await this.conversations.load(viewer, conversationId);
    const settings = (await this.reports.find(conversation.id)) ?? emptyReport;
    if (!settings.publishedAt && !canFacilitate(viewer, conversation)) {
      throw new AppError('REPORT_NOT_PUBLISHED', 'This report has not been published');
    }

    return this.build(viewer, conversation, settings);
  }

  private async build(
    viewer: User | null,
    conversation: ConversationRecord,
    settings: ReportRecord,
  ): Promise<InsightReport> {
    const runId = settings.publishedAt
      ? (settings.themeRunId ?? (await this.reports.currentRunId(conversation.id)))
      : await this.reports.currentRunId(conversation.id);
    const runThemes = runId ? await this.reports.themes(conversation.id, runId) : [];
    const chosen = chooseThemes(runThemes, settings.themeIds);
    const themeIds = chosen.map((theme) => theme.id);

    const [totals, weekly, districts, ages, genders] = await Promise.all([
      this.figures.totals(conversation.id),
      this.figures.weekly(conversation.id),
      this.figures.breakdown(conversation.id, 'district'),
      this.figures.breakdown(conversation.id, 'ageBand'),
      this.figures.breakdown(conversation.id, 'gender'),
    ]);
    const [themed, figures, weeks, districtRows, quotes] = await Promise.all([
      this.figures.themedComments(conversation.id),
      this.figures.themeFigures(themeIds),
      this.figures.themeWeeks(themeIds),
      this.figures.themeDistricts(themeIds),
      this.figures.quotes(themeIds, runId, reportLimits.quotesPerTheme),
    ]);
    const decisions = await this.reports.decisions(conversation.id);
    const preferences = await this.preferences.build(viewer, conversation, settings.preferences);
    const tags =
      settings.tagMode === 'none' ? [] : await this.reports.tagCounts(conversation.id, themeIds);
    const summaries = await this.figures.summaries(conversation.id);
    const answers = await this.figures.answers(summaries.map((summary) => summary.id));
    const ledger = await this.audit.ledger(viewer, conversation.id);
    const run = runId ? await this.reports.themeRun(runId) : null;

    return {
      conversation: {
        id: conversation.id,
        slug: conversation.slug,
        title: { bg: conversation.titleBg, en: conversation.titleEn },
      },
      introduction: { bg: settings.introductionBg, en: settings.introductionEn },
      publishedAt: settings.publishedAt?.toISOString() ?? null,
      generatedAt: this.clock.now().toISOString(),
      participation: {
        people: totals.people,
        comments: totals.comments,
        replies: totals.replies,
        weekly,
        byDistrict: participationBreakdown(districts, districtPopulation),
        byAgeBand: participationBreakdown(ages, agePopulation),
        byGender: participationBreakdown(genders, genderPopulation),
      },
      themes: chosen.map((theme) => {
        const figure = figures.find((row) => row.themeId === theme.id);

        return {
          id: theme.id,
          label: { bg: theme.labelBg, en: theme.labelEn },
          terms: theme.terms,
          size: figure?.size ?? 0,
          share: themed > 0 ? (figure?.size ?? 0) / themed : 0,
          weekly: weeks
            .filter((row) => row.themeId === theme.id)
            .map((row) => ({ week: row.week, comments: row.comments })),
          agree: figure?.agree ?? 0,
          disagree: figure?.disagree ?? 0,
          districts: themeDistricts(districtRows.filter((row) => row.themeId === theme.id)),
          quotes: quotes
            .filter((row) => row.themeId === theme.id)
            .map((row) => ({
              commentId: row.id,
              topicId: row.topicId,
              text: row.body,
              agree: row.agree,
              disagree: row.disagree,
              createdAt: row.createdAt.toISOString(),
              path: `/comments/${row.id}`,
            })),
          decisionIds: decisions
            .filter((decision) => decision.themeIds.includes(theme.id))
            .map((decision) => decision.id),
          tags: settings.tagMode === 'theme' ? tagsOf(tags, theme.id) : [],
        };
      }),
      preferences,
      tagMode: settings.tagMode,
      tags: settings.tagMode === 'overall' ? tagsOf(tags, null) : [],
      decisions: decisions.map((decision) => ({
        id: decision.id,
        text: { bg: decision.textBg, en: decision.textEn },
        themeIds: decision.themeIds.filter((id) => themeIds.includes(id)),
      })),
      summaries: summaries.map((summary) => ({
        id: summary.id,
        topic: { bg: summary.topicBg, en: summary.topicEn },
        version: summary.version,
        body: { bg: summary.bodyBg, en: summary.bodyEn },
        reflects: summary.reflects,
        misses: summary.misses,
        answers: answers
          .filter((answer) => answer.summaryId === summary.id)
          .map((answer) => ({ reaction: answer.reaction, comment: answer.comment })),
      })),
      ledger,
      themeRun: run && {
        id: run.id,
        number: run.number,
        parameters: run.parameters,
        codeVersion: run.codeVersion,
        inputCount: run.inputCount,
        completedAt: run.completedAt?.toISOString() ?? null,
      },
    };
  }

  private async present(conversation: ConversationRecord): Promise<ReportDraft> {
    const conversationId = conversation.id;
    const settings = (await this.reports.find(conversationId)) ?? emptyReport;
    const runId = await this.reports.currentRunId(conversationId);
    const themes = runId ? await this.reports.themes(conversationId, runId) : [];
    const decisions = await this.reports.decisions(conversationId);

    return {
      conversationId,
      introduction: { bg: settings.introductionBg, en: settings.introductionEn },
      themeIds: settings.themeIds,
      decisions: decisions.map((decision) => ({
        id: decision.id,
        text: { bg: decision.textBg, en: decision.textEn },
        themeIds: decision.themeIds,
      })),
      publishedAt: settings.publishedAt?.toISOString() ?? null,
      availableThemes: themes.map((theme) => ({
        id: theme.id,
        label: { bg: theme.labelBg, en: theme.labelEn },
        size: theme.size,
        isHidden: theme.isHidden,
      })),
      themeRunId: runId,
      preferences: settings.preferences,
      availablePreferences: await this.preferences.available(conversation),
      tagMode: settings.tagMode,
    };
  }

  private async assertThemes(conversationId: string, themeIds: string[]): Promise<void> {
    const runId = await this.reports.currentRunId(conversationId);
    const known = new Set(
      (runId ? await this.reports.themes(conversationId, runId) : []).map((theme) => theme.id),
    );
    const unknown = themeIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Some themes are not in the current theme run', {
        themeIds: unknown,
      });
    }
  }
}

/** The chosen themes in the chosen order; with none chosen, every visible theme of the run. */
function chooseThemes(runThemes: ThemeOptionRecord[], themeIds: string[]): ThemeOptionRecord[] {
  if (themeIds.length === 0) return runThemes.filter((theme) => !theme.isHidden);

  return themeIds.flatMap((id) => runThemes.filter((theme) => theme.id === id));
}

function tagsOf(rows: TagCountRow[], themeId: string | null) {
  return rows
    .filter((row) => row.themeId === themeId)
    .map((row) => ({
      id: row.id,
      name: { bg: row.nameBg, en: row.nameEn },
      comments: row.comments,
    }));
}
