import { Logger } from '@nestjs/common';
import type {
  CreateSurveyRequest,
  StartSurveyRunRequest,
  Survey,
  SurveyShift,
} from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { ConversationRecord } from '../conversations/conversation.records';
import {
  assertEditable,
  assertFacilitator,
  canFacilitate,
  effectiveStatus,
} from '../conversations/conversation.policy';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Database, Sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository, NewEvent } from '../events/events.repository';
import { checkQuestion, checkSchedule, pollStatus } from './poll-rules';
import type { NewPoll, PollRecord } from './poll.records';
import type { PollsRepository } from './polls.repository';
import { resultsVisible, toDate, type PollsService } from './polls.service';
import { panelShift, shiftBetween } from './shift';
import type { SurveyRecord, SurveysRepository } from './surveys.repository';

type Question = Omit<NewPoll, 'surveyRun' | 'opensAt' | 'closesAt'>;

/** Ordered sets of poll questions, run at several points to see how answers move. */
export class SurveysService {
  private readonly logger = new Logger(SurveysService.name);

  constructor(
    private readonly database: Database,
    private readonly surveys: SurveysRepository,
    private readonly polls: PollsRepository,
    private readonly pollsService: PollsService,
    private readonly conversations: ConversationsService,
    private readonly records: ConversationsRepository,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
  ) {}

  async list(viewer: User | null, conversationId: string): Promise<Survey[]> {
    const conversation = await this.conversations.load(viewer, conversationId);
    const surveys = await this.surveys.list(conversation.id);

    return this.present(viewer, conversation, surveys);
  }

  async get(viewer: User | null, surveyId: string): Promise<Survey> {
    const { survey, conversation } = await this.load(viewer, surveyId);

    return (await this.present(viewer, conversation, [survey]))[0]!;
  }

  async create(user: User, conversationId: string, request: CreateSurveyRequest): Promise<Survey> {
    const conversation = await this.conversations.load(user, conversationId);
    assertFacilitator(user, conversation);
    assertEditable(effectiveStatus(conversation, this.clock.now()));
    request.questions.forEach((question, index) => checkQuestion(question, `questions.${index}`));
    const opensAt = toDate(request.opensAt) ?? null;
    const closesAt = toDate(request.closesAt) ?? null;
    checkSchedule(opensAt, closesAt);

    const now = this.clock.now();
    const resultVisibility = request.resultVisibility ?? 'after-answer';
    const { id, seq } = await this.database.transaction(async (tx) => {
      await this.records.lock(tx, conversation.id);
      const id = await this.surveys.insert(
        tx,
        {
          conversationId: conversation.id,
          titleBg: request.title.bg,
          titleEn: request.title.en,
          resultVisibility,
          createdBy: user.id,
        },
        now,
      );
      const questions: Question[] = request.questions.map((question, position) => ({
        conversationId: conversation.id,
        topicId: null,
        surveyId: id,
        position,
        kind: question.kind,
        questionBg: question.question.bg,
        questionEn: question.question.en,
        maxChoices: question.kind === 'multiple' ? (question.maxChoices ?? null) : null,
        budgetTotal: question.budgetTotal ?? null,
        resultVisibility,
        options: (question.options ?? []).map((option) => ({
          labelBg: option.bg,
          labelEn: option.en,
        })),
        createdBy: user.id,
      }));
      const seq = await this.addRun(tx, conversation.id, questions, 1, opensAt, closesAt, now);

      return { id, seq };
    });
    this.notices.publish(conversation.id, seq);
    await this.planRun(id, 1, opensAt, closesAt);
    this.logger.log(`Created survey ${id} in conversation ${conversation.id}`, {
      surveyId: id,
      conversationId: conversation.id,
    });

    return this.get(user, id);
  }

  /** A new run copies the first run's questions, in order, with a schedule of its own. */
  async startRun(user: User, surveyId: string, request: StartSurveyRunRequest): Promise<Survey> {
    const { survey, conversation } = await this.load(user, surveyId);
    assertFacilitator(user, conversation);
    assertEditable(effectiveStatus(conversation, this.clock.now()));
    const opensAt = toDate(request.opensAt) ?? null;
    const closesAt = toDate(request.closesAt) ?? null;
    checkSchedule(opensAt, closesAt);
    const first = (await this.polls.listOfSurveys([survey.id])).filter((p) => p.surveyRun === 1);

    const now = this.clock.now();
    const { seq, run } = await this.database.transaction(async (tx) => {
      await this.records.lock(tx, conversation.id);
      const run = await this.surveys.nextRun(tx, survey.id);
      const questions: Question[] = first.map((poll) => ({
        ...poll,
        options: poll.options.map(({ labelBg, labelEn }) => ({ labelBg, labelEn })),
        createdBy: user.id,
      }));

      const seq = await this.addRun(tx, conversation.id, questions, run, opensAt, closesAt, now);

      return { seq, run };
    });
    this.notices.publish(conversation.id, seq);
    await this.planRun(survey.id, run, opensAt, closesAt);

    return this.get(user, survey.id);
  }

  /** The questions of a run open and close together; each is announced as a poll. */
  private async planRun(
    surveyId: string,
    run: number,
    opensAt: Date | null,
    closesAt: Date | null,
  ) {
    if (!opensAt && !closesAt) return;
    const polls = await this.polls.listOfSurveys([surveyId]);
    await this.pollsService.planSchedule(
      polls.filter((poll) => poll.surveyRun === run).map(({ id }) => ({ id, opensAt, closesAt })),
    );
  }

  async shift(
    viewer: User | null,
    surveyId: string,
    query: { from: number; to?: number },
  ): Promise<SurveyShift> {
    const { survey, conversation } = await this.load(viewer, surveyId);
    const to = query.to ?? survey.runCount;
    for (const run of [query.from, to]) {
      if (run > survey.runCount) {
        throw new AppError('SURVEY_RUN_MISSING', `This survey has no run ${run}`, {
          runs: survey.runCount,
        });
      }
    }

    const polls = await this.polls.listOfSurveys([survey.id]);
    const before = polls.filter((poll) => poll.surveyRun === query.from);
    const after = polls.filter((poll) => poll.surveyRun === to);
    await this.assertMaySee(viewer, conversation, [...before, ...after]);

    const questions = await Promise.all(
      before.map(async (first) => {
        const second = after.find((poll) => poll.position === first.position)!;
        const [earlier, later] = await Promise.all([
          this.polls.respondents(first.id),
          this.polls.respondents(second.id),
        ]);

        return {
          position: first.position,
          kind: first.kind,
          question: { bg: first.questionBg, en: first.questionEn },
          options: first.options.map((option) => ({
            id: option.id,
            label: { bg: option.labelBg, en: option.labelEn },
          })),
          overall: shiftBetween(first, second, earlier, later),
          panel: panelShift(first, second, earlier, later),
        };
      }),
    );

    return { surveyId: survey.id, from: query.from, to, questions };
  }

  private async load(viewer: User | null, surveyId: string) {
    const survey = await this.surveys.find(surveyId);
    if (!survey) throw new AppError('NOT_FOUND', 'No such survey');
    const conversation = await this.conversations.load(viewer, survey.conversationId).catch(() => {
      throw new AppError('NOT_FOUND', 'No such survey');
    });

    return { survey, conversation };
  }

  /** The shift shows results, so it follows the same rule as each of its polls. */
  private async assertMaySee(
    viewer: User | null,
    conversation: ConversationRecord,
    polls: PollRecord[],
  ): Promise<void> {
    const now = this.clock.now();
    const status = effectiveStatus(conversation, now);
    const isFacilitator = canFacilitate(viewer, conversation);
    const answers = viewer
      ? await this.polls.answersOf(
          polls.map((poll) => poll.id),
          viewer.id,
        )
      : new Map();
    const hidden = polls.some(
      (poll) =>
        !resultsVisible(
          poll.resultVisibility,
          pollStatus(poll, status, now),
          answers.get(poll.id) ?? null,
          isFacilitator,
        ),
    );
    if (hidden) {
      throw new AppError('RESULTS_HIDDEN', 'The shift is shown once both runs show their results');
    }
  }

  private async addRun(
    tx: Sql,
    conversationId: string,
    questions: Question[],
    run: number,
    opensAt: Date | null,
    closesAt: Date | null,
    now: Date,
  ): Promise<number> {
    const events: NewEvent[] = [];
    for (const question of questions) {
      const id = await this.polls.insert(
        tx,
        { ...question, surveyRun: run, opensAt, closesAt },
        now,
      );
      events.push({
        type: 'poll.changed',
        payload: { pollId: id, topicId: null },
        topicId: null,
        audience: 'public',
      });
    }

    return this.events.append(tx, conversationId, events, now);
  }

  private async present(
    viewer: User | null,
    conversation: ConversationRecord,
    surveys: SurveyRecord[],
  ): Promise<Survey[]> {
    const polls = await this.polls.listOfSurveys(surveys.map((survey) => survey.id));
    const presented = await this.pollsService.present(viewer, conversation, polls);

    return surveys.map((survey) => {
      const own = presented.filter((poll) => poll.surveyId === survey.id);
      const runs = Array.from({ length: survey.runCount }, (_, index) => ({
        number: index + 1,
        polls: own.filter((poll) => poll.surveyRun === index + 1),
      }));

      return {
        id: survey.id,
        conversationId: survey.conversationId,
        title: { bg: survey.titleBg, en: survey.titleEn },
        resultVisibility: survey.resultVisibility,
        runs,
        createdAt: survey.createdAt.toISOString(),
      };
    });
  }
}
