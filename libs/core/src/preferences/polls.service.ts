import { Logger } from '@nestjs/common';
import type {
  CreatePollRequest,
  Poll,
  PollAnswer,
  PollResults,
  PollStatus,
  UpdatePollRequest,
} from '@razgovor/contracts';
import { detectLanguage } from '@razgovor/text';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { ConversationAccess } from '../conversations/conversation.records';
import {
  assertEditable,
  assertFacilitator,
  canFacilitate,
  canSee,
  effectiveStatus,
} from '../conversations/conversation.policy';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationsService } from '../conversations/conversations.service';
import type { TopicsRepository } from '../conversations/topics.repository';
import { type Database, isDeadlock, type Sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository } from '../events/events.repository';
import { assertNotSanctioned, type ContributionGate } from '../moderation/contribution-gate';
import type { ThemesQueue } from '../themes/themes.queue';
import {
  answerItems,
  assertAnswerable,
  checkQuestion,
  checkSchedule,
  ownStatus,
  pollStatus,
} from './poll-rules';
import type { PollScheduleQueue } from './poll-schedule.queue';
import type { PollRecord } from './poll.records';
import type { PollsRepository } from './polls.repository';
import { ResultSumsCache } from './result-sums-cache';
import { toPoll } from './presenters';
import { pollResults, tallyFromSums } from './tally';
import { target } from './targets';

export const toDate = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

/** Polls inside a conversation or a topic: created by facilitators, answered once per person. */
export class PollsService {
  private readonly logger = new Logger(PollsService.name);

  /** Results are read by many at once and added up from every answer: see the cache. */
  private readonly resultSums = new ResultSumsCache();

  constructor(
    private readonly database: Database,
    private readonly polls: PollsRepository,
    private readonly topics: TopicsRepository,
    private readonly conversations: ConversationsService,
    private readonly records: ConversationsRepository,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
    private readonly gate: ContributionGate,
    private readonly schedule: PollScheduleQueue,
    private readonly themes: ThemesQueue,
  ) {}

  /** A poll with its conversation, if the viewer may see that conversation. */
  async load(viewer: User | null, pollId: string) {
    const poll = await this.polls.find(pollId);
    if (!poll) throw new AppError('NOT_FOUND', 'No such poll');
    const conversation = await this.conversations.load(viewer, poll.conversationId).catch(() => {
      throw new AppError('NOT_FOUND', 'No such poll');
    });

    return { poll, conversation };
  }

  async list(viewer: User | null, conversationId: string, topicId?: string): Promise<Poll[]> {
    const conversation = await this.conversations.load(viewer, conversationId);
    const polls = await this.polls.list(conversation.id, topicId);

    return this.present(viewer, conversation, polls);
  }

  async get(viewer: User | null, pollId: string): Promise<Poll> {
    const { poll, conversation } = await this.load(viewer, pollId);

    return (await this.present(viewer, conversation, [poll]))[0]!;
  }

  /** Presents polls for one viewer: their own answers, and results where they may see them. */
  async present(
    viewer: User | null,
    conversation: ConversationAccess,
    polls: PollRecord[],
    /** The viewer's answers when the caller already has them. */
    known?: Map<string, PollAnswer>,
  ): Promise<Poll[]> {
    const shown = await this.viewed(viewer, conversation, polls, known);
    const sums = await this.polls.tallySums(
      shown.filter((item) => item.isVisible).map((item) => item.poll.id),
    );

    return shown.map(({ poll, state, myAnswer, isVisible }) =>
      toPoll(
        poll,
        state,
        myAnswer,
        isVisible ? tallyFromSums(target(poll), sums.get(poll.id)!) : null,
      ),
    );
  }

  /** Each poll as one viewer meets it: its status, their answer, whether they may see results. */
  private async viewed(
    viewer: User | null,
    conversation: ConversationAccess,
    polls: PollRecord[],
    known?: Map<string, PollAnswer>,
  ) {
    const now = this.clock.now();
    const status = effectiveStatus(conversation, now);
    const answers =
      known ??
      (viewer
        ? await this.polls.answersOf(
            polls.map((poll) => poll.id),
            viewer.id,
          )
        : new Map<string, PollAnswer>());
    const isFacilitator = canFacilitate(viewer, conversation);

    return polls.map((poll) => {
      const state = pollStatus(poll, status, now);
      const myAnswer = answers.get(poll.id) ?? null;
      const isVisible = resultsVisible(poll.resultVisibility, state, myAnswer, isFacilitator);

      return { poll, state, myAnswer, isVisible };
    });
  }

  async create(user: User, conversationId: string, request: CreatePollRequest): Promise<Poll> {
    const conversation = await this.conversations.load(user, conversationId);
    assertFacilitator(user, conversation);
    assertEditable(effectiveStatus(conversation, this.clock.now()));
    checkQuestion(request);
    const opensAt = toDate(request.opensAt) ?? null;
    const closesAt = toDate(request.closesAt) ?? null;
    checkSchedule(opensAt, closesAt);
    if (request.topicId) {
      const topic = await this.topics.find(request.topicId);
      if (topic?.conversationId !== conversation.id) {
        throw new AppError('VALIDATION_FAILED', 'The topic is not in this conversation', [
          { path: 'topicId', message: 'No such topic in this conversation' },
        ]);
      }
    }

    const now = this.clock.now();
    const { id, seq } = await this.database.transaction(async (tx) => {
      // Every write to polls takes the conversation lock first, as comments do: one order, no
      // deadlock with the event counter that each write also moves.
      await this.records.lock(tx, conversation.id);
      const id = await this.polls.insert(
        tx,
        {
          conversationId: conversation.id,
          topicId: request.topicId ?? null,
          surveyId: null,
          surveyRun: null,
          position: 0,
          kind: request.kind,
          questionBg: request.question.bg,
          questionEn: request.question.en,
          maxChoices: request.kind === 'multiple' ? (request.maxChoices ?? null) : null,
          budgetTotal: request.budgetTotal ?? null,
          resultVisibility: request.resultVisibility ?? 'after-answer',
          opensAt,
          closesAt,
          options: (request.options ?? []).map((option) => ({
            labelBg: option.bg,
            labelEn: option.en,
          })),
          createdBy: user.id,
        },
        now,
      );
      const seq = await this.changed(tx, conversation.id, id, request.topicId ?? null, now);

      return { id, seq };
    });
    this.notices.publish(conversation.id, seq);
    await this.schedule.plan([{ id, opensAt, closesAt }]);
    this.logger.log(`Created ${request.kind} poll ${id} in conversation ${conversation.id}`, {
      pollId: id,
      conversationId: conversation.id,
      userId: user.id,
    });

    return this.get(user, id);
  }

  async update(user: User, pollId: string, request: UpdatePollRequest): Promise<Poll> {
    const { poll, conversation } = await this.load(user, pollId);
    assertFacilitator(user, conversation);
    assertEditable(effectiveStatus(conversation, this.clock.now()));
    const opensAt = toDate(request.opensAt);
    const closesAt = toDate(request.closesAt);
    checkSchedule(
      opensAt === undefined ? poll.opensAt : opensAt,
      closesAt === undefined ? poll.closesAt : closesAt,
    );

    // A new closing time in the future reopens a poll that was closed by hand.
    const schedule = {
      opensAt: opensAt === undefined ? poll.opensAt : opensAt,
      closesAt: closesAt === undefined ? poll.closesAt : closesAt,
      closedAt: closesAt === undefined ? poll.closedAt : null,
    };
    await this.write(conversation.id, poll, (tx, now) =>
      this.polls.update(
        tx,
        poll.id,
        {
          questionBg: request.question?.bg,
          questionEn: request.question?.en,
          opensAt,
          closesAt,
          resultVisibility: request.resultVisibility,
          closedAt: closesAt === undefined ? undefined : null,
          // This change is announced now; the schedule's jobs announce only later changes.
          announcedStatus: ownStatus(schedule, now),
        },
        now,
      ),
    );
    await this.schedule.plan([{ id: poll.id, ...schedule }]);

    return this.get(user, poll.id);
  }

  async close(user: User, pollId: string): Promise<Poll> {
    const { poll, conversation } = await this.load(user, pollId);
    assertFacilitator(user, conversation);

    await this.write(conversation.id, poll, async (tx, now) => {
      const locked = (await this.polls.lock(tx, poll.id))!;
      if (locked.closedAt) return;
      await this.polls.update(tx, poll.id, { closedAt: now, announcedStatus: 'closed' }, now);
    });
    this.logger.log(`Closed poll ${poll.id}`, { pollId: poll.id, userId: user.id });

    return this.get(user, poll.id);
  }

  /**
   * The poll is locked and read with the person's standing in its conversation in one round
   * trip, the answer and the respondent count are one statement, the event another.
   */
  async answer(user: User, pollId: string, answer: PollAnswer): Promise<Poll> {
    const text = answer.kind === 'open' ? answer.text : null;
    const detected = text ? detectLanguage(text) : null;
    const language = detected === null ? null : detected === 'other' ? 'bg' : detected;

    const { seq, conversation, poll } = await this.recordAnswer(async (tx) => {
      const now = this.clock.now();
      const context = await this.polls.lockForAnswer(tx, pollId, user.id, now);
      if (!context || !canSee(user, context.conversation, now)) {
        throw new AppError('NOT_FOUND', 'No such poll');
      }

      const { poll: locked, conversation, sanction } = context;
      assertNotSanctioned(user, conversation, sanction);
      const items = answerItems(locked, answer);
      if (text) await this.gate.checkContent(conversation.id, text);
      assertAnswerable(pollStatus(locked, effectiveStatus(conversation, now), now));

      const { respondents } = await this.polls.putAnswer(
        tx,
        { pollId: locked.id, userId: user.id, answer, text, language, items },
        now,
      );
      // The conversation row carries the event counter that every write of the conversation
      // takes, so the append locks it last and holds it only for the event; the status is
      // checked again as it stands under that lock, so an answer never lands after closing.
      const appended = await this.events.appendReadingStatus(
        tx,
        conversation.id,
        [
          {
            type: 'poll.answered',
            payload: { pollId: locked.id, topicId: locked.topicId, respondents },
            topicId: locked.topicId,
            audience: 'public',
          },
        ],
        now,
      );
      assertAnswerable(pollStatus(locked, effectiveStatus(appended.conversation, now), now));

      return {
        seq: appended.seq,
        conversation: { ...conversation, ...appended.conversation },
        poll: { ...locked, respondents },
      };
    });
    this.notices.publish(conversation.id, seq);
    if (text) {
      // Open answers go into the themes like comments: placed now, clustered in the next run.
      const change = { answer: { pollId: poll.id, userId: user.id } };
      void this.themes.refresh(conversation.id, `answer-${seq}`, change).catch((error: Error) => {
        this.logger.warn(`Could not queue theme placement: ${error.message}`);
      });
    }

    // Presented from the rows read under the locks and the answer just stored.
    return (await this.present(user, conversation, [poll], new Map([[poll.id, answer]])))[0]!;
  }

  /**
   * An answer takes the poll's row before the conversation's, the reverse of a facilitator's
   * change to a poll, so the two can meet in a deadlock; PostgreSQL then rolls one back whole and
   * the answer is simply written again.
   */
  private async recordAnswer<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.database.transaction(work);
      } catch (error) {
        if (!isDeadlock(error) || attempt >= 3) throw error;
      }
    }
  }

  async results(viewer: User | null, pollId: string): Promise<PollResults> {
    const { poll, conversation } = await this.load(viewer, pollId);
    const [viewed] = await this.viewed(viewer, conversation, [poll]);
    if (!viewed!.isVisible) {
      throw new AppError(
        'RESULTS_HIDDEN',
        poll.resultVisibility === 'after-close'
          ? 'Results are shown when the poll closes'
          : 'Results are shown after you answer',
        { resultVisibility: poll.resultVisibility },
      );
    }

    const sums = await this.resultSums.get(poll, () => this.polls.resultSums(poll.id));

    return pollResults(target(poll), sums);
  }

  /** Plans the announcements of the polls' future openings and closings. */
  planSchedule(polls: Array<{ id: string; opensAt: Date | null; closesAt: Date | null }>) {
    return this.schedule.plan(polls);
  }

  /**
   * Announces a scheduled opening or closing that has passed, once: the poll remembers the status
   * it last announced. Returns the new status, or null when there was nothing to announce.
   */
  async applySchedule(pollId: string): Promise<PollStatus | null> {
    const poll = await this.polls.find(pollId);
    if (!poll) return null;

    const result = await this.database.transaction(async (tx) => {
      await this.records.lock(tx, poll.conversationId);
      const locked = await this.polls.lock(tx, poll.id);
      const now = this.clock.now();
      const status = locked && ownStatus(locked, now);
      if (!locked || status === locked.announcedStatus) return null;
      await this.polls.update(tx, poll.id, { announcedStatus: status! }, now);

      return {
        status: status!,
        seq: await this.changed(tx, poll.conversationId, poll.id, poll.topicId, now),
      };
    });
    if (!result) return null;
    this.notices.publish(poll.conversationId, result.seq);
    this.logger.log(`Scheduled change: poll ${poll.id} is now ${result.status}`, {
      pollId: poll.id,
      conversationId: poll.conversationId,
    });

    return result.status;
  }

  /** Announces every passed opening and closing; the worker's sweep, for jobs that were lost. */
  async applyAllDue(): Promise<number> {
    const due = await this.polls.listDue(this.clock.now());
    let changed = 0;
    for (const id of due) if (await this.applySchedule(id)) changed++;

    return changed;
  }

  /** Applies a facilitator's change and tells everyone following the conversation. */
  private async write(
    conversationId: string,
    poll: PollRecord,
    change: (tx: Sql, now: Date) => Promise<void>,
  ): Promise<void> {
    const now = this.clock.now();
    const seq = await this.database.transaction(async (tx) => {
      await this.records.lock(tx, conversationId);
      await change(tx, now);

      return this.changed(tx, conversationId, poll.id, poll.topicId, now);
    });
    this.notices.publish(conversationId, seq);
  }

  private changed(
    tx: Sql,
    conversationId: string,
    pollId: string,
    topicId: string | null,
    now: Date,
  ): Promise<number> {
    return this.events.append(
      tx,
      conversationId,
      [{ type: 'poll.changed', payload: { pollId, topicId }, topicId, audience: 'public' }],
      now,
    );
  }
}

export function resultsVisible(
  visibility: PollRecord['resultVisibility'],
  status: Poll['status'],
  myAnswer: PollAnswer | null,
  isFacilitator: boolean,
): boolean {
  if (isFacilitator || status === 'closed') return true;

  return visibility === 'after-answer' && myAnswer !== null;
}
