import type {
  ReportDraft,
  ReportPoll,
  ReportPreference,
  ReportPreferenceChoice,
  SurveyShift,
} from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { ConversationRecord } from '../conversations/conversation.records';
import { effectiveStatus } from '../conversations/conversation.policy';
import { AppError } from '../errors/app-error';
import type { OpinionMapService } from '../preferences/opinion-map.service';
import { pollStatus } from '../preferences/poll-rules';
import type { PollRecord } from '../preferences/poll.records';
import type { PollsRepository } from '../preferences/polls.repository';
import { toPoll } from '../preferences/presenters';
import { panelShift, shiftBetween } from '../preferences/shift';
import type { SurveyRecord, SurveysRepository } from '../preferences/surveys.repository';
import { pollResults } from '../preferences/tally';
import { target } from '../preferences/targets';
import type { StatementsRepository } from '../preferences/statements.repository';
import type { ReportsRepository } from './reports.repository';

type Available = ReportDraft['availablePreferences'][number];

const mapLabel = { bg: 'Карта на мненията', en: 'Opinion map' };

/** Everything a conversation holds that a report may show of polls, surveys and the map. */
interface Holdings {
  polls: PollRecord[];
  surveys: SurveyRecord[];
  surveyPolls: PollRecord[];
  hasMap: boolean;
  voters: number;
}

/**
 * Polls, surveys and the opinion map in the insight report. Tallies, breakdowns, shifts and the
 * map come from the preferences code, so the report shows what the polls page shows.
 */
export class ReportPreferences {
  constructor(
    private readonly polls: PollsRepository,
    private readonly surveys: SurveysRepository,
    private readonly statements: StatementsRepository,
    private readonly maps: OpinionMapService,
    private readonly clock: Clock,
    private readonly reports: ReportsRepository,
  ) {}

  /** What may be chosen, in the order a report shows them when nothing was chosen. */
  async available(conversation: ConversationRecord): Promise<Available[]> {
    const held = await this.holdings(conversation.id);
    const isPublic = this.publicTest(conversation);

    return [
      ...held.polls.map((poll) => ({
        choice: { type: 'poll' as const, id: poll.id },
        label: { bg: poll.questionBg, en: poll.questionEn },
        respondents: poll.respondents,
        isPublic: isPublic(poll),
      })),
      ...held.surveys.map((survey) => {
        const latest = held.surveyPolls.filter(
          (poll) => poll.surveyId === survey.id && poll.surveyRun === survey.runCount,
        );

        return {
          choice: { type: 'survey' as const, id: survey.id },
          label: { bg: survey.titleBg, en: survey.titleEn },
          respondents: Math.max(0, ...latest.map((poll) => poll.respondents)),
          isPublic: latest.every(isPublic),
        };
      }),
      ...(held.hasMap
        ? [
            {
              choice: { type: 'map' as const },
              label: mapLabel,
              respondents: held.voters,
              isPublic: true,
            },
          ]
        : []),
    ];
  }

  /** Refuses polls and surveys of other conversations; drops repeats, keeping the first. */
  async check(
    conversationId: string,
    choices: ReportPreferenceChoice[],
  ): Promise<ReportPreferenceChoice[]> {
    const held = await this.holdings(conversationId);
    const unique = choices.filter(
      (choice, index) => choices.findIndex((other) => sameChoice(other, choice)) === index,
    );
    const unknown = unique.filter(
      (choice) =>
        (choice.type === 'poll' && !held.polls.some((poll) => poll.id === choice.id)) ||
        (choice.type === 'survey' && !held.surveys.some((survey) => survey.id === choice.id)),
    );
    if (unknown.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Some polls or surveys are not in this conversation',
        {
          preferences: unknown,
        },
      );
    }

    return unique;
  }

  /** The chosen sections in order; with no choice made, every one whose results are public. */
  async build(
    viewer: User | null,
    conversation: ConversationRecord,
    chosen: ReportPreferenceChoice[] | null,
  ): Promise<ReportPreference[]> {
    const choices =
      chosen ??
      (await this.available(conversation))
        .filter((item) => item.isPublic)
        .map((item) => item.choice);
    const held = await this.holdings(conversation.id);
    const sections: Array<ReportPreference | null> = [];
    for (const choice of choices) {
      sections.push(await this.section(viewer, conversation, held, choice));
    }

    return sections.filter((section): section is ReportPreference => section !== null);
  }

  private async section(
    viewer: User | null,
    conversation: ConversationRecord,
    held: Holdings,
    choice: ReportPreferenceChoice,
  ): Promise<ReportPreference | null> {
    if (choice.type === 'map') {
      if (!held.hasMap) return null;
      const map = await this.maps.get(viewer, conversation.id);

      // The report is the same for every reader: nobody's own place is marked on it.
      return { type: 'map', map: { ...map, me: null } };
    }

    if (choice.type === 'poll') {
      const poll = held.polls.find((item) => item.id === choice.id);

      return poll ? { type: 'poll', ...(await this.results(conversation, poll)) } : null;
    }

    const survey = held.surveys.find((item) => item.id === choice.id);
    if (!survey) return null;
    const own = held.surveyPolls.filter((poll) => poll.surveyId === survey.id);
    const latest = own.filter((poll) => poll.surveyRun === survey.runCount);
    const first = own.filter((poll) => poll.surveyRun === 1);

    return {
      type: 'survey',
      id: survey.id,
      title: { bg: survey.titleBg, en: survey.titleEn },
      runs: survey.runCount,
      questions: await Promise.all(latest.map((poll) => this.results(conversation, poll))),
      shift: survey.runCount > 1 ? await this.shift(survey, first, latest) : null,
    };
  }

  private async results(conversation: ConversationRecord, poll: PollRecord): Promise<ReportPoll> {
    const now = this.clock.now();
    const status = pollStatus(poll, effectiveStatus(conversation, now), now);
    const results = pollResults(target(poll), await this.polls.resultSums(poll.id));
    const themes = poll.kind === 'open' ? await this.reports.answerThemes(poll.id) : [];

    return {
      poll: toPoll(poll, status, null, results.overall),
      results,
      themes: themes.map((theme) => ({
        id: theme.id,
        label: { bg: theme.labelBg, en: theme.labelEn },
        answers: theme.answers,
      })),
    };
  }

  /** From the first run to the latest, question by question (a new run keeps the positions). */
  private async shift(
    survey: SurveyRecord,
    first: PollRecord[],
    latest: PollRecord[],
  ): Promise<SurveyShift> {
    const questions = await Promise.all(
      first.flatMap((before) => {
        const after = latest.find((poll) => poll.position === before.position);
        if (!after) return [];

        return [
          (async () => {
            const [earlier, later] = await Promise.all([
              this.polls.respondents(before.id),
              this.polls.respondents(after.id),
            ]);

            return {
              position: before.position,
              kind: before.kind,
              question: { bg: before.questionBg, en: before.questionEn },
              options: before.options.map((option) => ({
                id: option.id,
                label: { bg: option.labelBg, en: option.labelEn },
              })),
              overall: shiftBetween(before, after, earlier, later),
              panel: panelShift(before, after, earlier, later),
            };
          })(),
        ];
      }),
    );

    return { surveyId: survey.id, from: 1, to: survey.runCount, questions };
  }

  private async holdings(conversationId: string): Promise<Holdings> {
    const [polls, surveys, map] = await Promise.all([
      this.polls.list(conversationId),
      this.surveys.list(conversationId),
      this.statements.latestMap(conversationId),
    ]);
    const surveyPolls = await this.polls.listOfSurveys(surveys.map((survey) => survey.id));

    return { polls, surveys, surveyPolls, hasMap: map !== null, voters: map?.placed ?? 0 };
  }

  /** Results anyone may see now: the poll closed, or it shows them to whoever answers. */
  private publicTest(conversation: ConversationRecord) {
    const now = this.clock.now();
    const status = effectiveStatus(conversation, now);

    return (poll: PollRecord) =>
      poll.resultVisibility === 'after-answer' || pollStatus(poll, status, now) === 'closed';
  }
}

function sameChoice(a: ReportPreferenceChoice, b: ReportPreferenceChoice): boolean {
  return a.type === b.type && (a.type === 'map' || (b.type !== 'map' && a.id === b.id));
}
