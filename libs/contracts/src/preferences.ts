import { z } from 'zod';
import { ageBands, districts, genders } from './accounts';
import { bilingualText } from './conversations';

export const pollKinds = ['single', 'multiple', 'ranking', 'scale', 'budget', 'open'] as const;
export type PollKind = (typeof pollKinds)[number];

/** When people who are not facilitators see the results. */
export const resultVisibilities = ['after-answer', 'after-close'] as const;
export type ResultVisibility = (typeof resultVisibilities)[number];

export const pollStatuses = ['scheduled', 'open', 'closed'] as const;
export type PollStatus = (typeof pollStatuses)[number];

export const breakdownDimensions = ['district', 'ageBand', 'gender'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

export const pollLimits = {
  questionMax: 500,
  optionMax: 200,
  optionsMin: 2,
  optionsMax: 20,
  openAnswerMax: 2000,
  /** Largest sum a budget split may spread, in whole leva. */
  budgetMax: 1_000_000_000,
  scaleMin: 1,
  scaleMax: 5,
  /** Breakdown cells with fewer people than this are not shown. */
  smallCell: 5,
  surveyQuestionsMax: 30,
} as const;

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });
const bilingual = (max: number, min = 0) =>
  z.strictObject({ bg: z.string().trim().min(min).max(max), en: z.string().trim().max(max) });

/** A question as a facilitator writes it; the rules between fields are checked by the server. */
export const pollQuestion = z.strictObject({
  kind: z.enum(pollKinds),
  question: bilingual(pollLimits.questionMax, 1),
  /** The choices, categories or items to rank; none for scale and open questions. */
  options: z
    .array(bilingual(pollLimits.optionMax, 1))
    .max(pollLimits.optionsMax)
    .optional()
    .default([]),
  /** Multiple choice: how many options one person may tick at most. */
  maxChoices: z.number().int().min(1).max(pollLimits.optionsMax).nullable().optional(),
  /** Budget split: the sum to spread, in whole leva. */
  budgetTotal: z.number().int().min(1).max(pollLimits.budgetMax).nullable().optional(),
});
export type PollQuestion = z.input<typeof pollQuestion>;

const schedule = {
  opensAt: instant.nullable().optional(),
  closesAt: instant.nullable().optional(),
  resultVisibility: z.enum(resultVisibilities).optional().default('after-answer'),
};

export const createPollRequest = pollQuestion.extend({
  /** Null or absent for a poll of the whole conversation. */
  topicId: uuid.nullable().optional(),
  ...schedule,
});
export type CreatePollRequest = z.input<typeof createPollRequest>;

/** Texts and schedule may change; the kind and the options are fixed once created. */
export const updatePollRequest = z.strictObject({
  question: bilingual(pollLimits.questionMax, 1).optional(),
  opensAt: instant.nullable().optional(),
  closesAt: instant.nullable().optional(),
  resultVisibility: z.enum(resultVisibilities).optional(),
});
export type UpdatePollRequest = z.input<typeof updatePollRequest>;

export const pollListQuery = z.strictObject({
  topicId: uuid.optional(),
});
export type PollListQuery = z.input<typeof pollListQuery>;

/**
 * One answer; its shape must match the poll's kind. Ranking lists every option id, best first.
 * Budget split gives whole leva per option id and must add up to the poll's total exactly.
 */
export const pollAnswer = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('single'), optionId: uuid }),
  z.strictObject({
    kind: z.literal('multiple'),
    optionIds: z.array(uuid).min(1, 'Choose at least one option').max(pollLimits.optionsMax),
  }),
  z.strictObject({
    kind: z.literal('ranking'),
    optionIds: z.array(uuid).min(1).max(pollLimits.optionsMax),
  }),
  z.strictObject({
    kind: z.literal('scale'),
    value: z.number().int().min(pollLimits.scaleMin).max(pollLimits.scaleMax),
  }),
  z.strictObject({
    kind: z.literal('budget'),
    allocations: z
      .array(
        z.strictObject({
          optionId: uuid,
          amount: z.number().int('Whole leva only').min(0).max(pollLimits.budgetMax),
        }),
      )
      .min(1)
      .max(pollLimits.optionsMax),
  }),
  z.strictObject({
    kind: z.literal('open'),
    text: z.string().trim().min(1, 'Write something first').max(pollLimits.openAnswerMax),
  }),
]);
export type PollAnswer = z.infer<typeof pollAnswer>;
export type PollAnswerInput = z.input<typeof pollAnswer>;

export const pollOption = z.object({ id: z.string(), label: bilingualText });
export type PollOption = z.infer<typeof pollOption>;

/**
 * The tally of one option. `count`: people who chose it (single, multiple), ranked it first
 * (ranking) or gave it anything (budget); `mean`: the mean rank (ranking, 1 is best) or the mean
 * amount in leva (budget); null where it does not apply or the cell is suppressed.
 */
export const optionResult = z.object({
  optionId: z.string(),
  count: z.number().nullable(),
  mean: z.number().nullable(),
});
export type OptionResult = z.infer<typeof optionResult>;

export const tally = z.object({
  respondents: z.number(),
  options: z.array(optionResult),
  /** Scale only: people per value 1-5 (index 0 is 1). */
  scale: z.array(z.number().nullable()).nullable(),
  /** Scale only: the mean value. */
  mean: z.number().nullable(),
});
export type Tally = z.infer<typeof tally>;

/** One group of a breakdown; `tally` is null when the group has fewer than 5 people. */
export const breakdownGroup = z.object({
  /** The district, age band or gender; null for people who did not say. */
  value: z.string().nullable(),
  suppressed: z.boolean(),
  tally: tally.nullable(),
});
export type BreakdownGroup = z.infer<typeof breakdownGroup>;

export const pollResults = z.object({
  pollId: z.string(),
  overall: tally,
  breakdowns: z.object({
    district: z.array(breakdownGroup),
    ageBand: z.array(breakdownGroup),
    gender: z.array(breakdownGroup),
  }),
});
export type PollResults = z.infer<typeof pollResults>;

export const poll = z.object({
  id: z.string(),
  conversationId: z.string(),
  topicId: z.string().nullable(),
  surveyId: z.string().nullable(),
  /** The survey run this question belongs to (1 for the first), null outside surveys. */
  surveyRun: z.number().nullable(),
  position: z.number(),
  kind: z.enum(pollKinds),
  question: bilingualText,
  options: z.array(pollOption),
  maxChoices: z.number().nullable(),
  budgetTotal: z.number().nullable(),
  resultVisibility: z.enum(resultVisibilities),
  /** In effect now, from the schedule and the conversation's status. */
  status: z.enum(pollStatuses),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  respondents: z.number(),
  /** The caller's answer, null when none (or signed out). */
  myAnswer: pollAnswer.nullable(),
  /** The overall tally when the caller may see it, else null. */
  results: tally.nullable(),
  createdAt: z.string(),
});
export type Poll = z.infer<typeof poll>;

export const pollList = z.object({ items: z.array(poll) });
export type PollList = z.infer<typeof pollList>;

export const createSurveyRequest = z.strictObject({
  title: bilingual(pollLimits.questionMax, 1),
  questions: z.array(pollQuestion).min(1).max(pollLimits.surveyQuestionsMax),
  /** The schedule of the first run. */
  ...schedule,
});
export type CreateSurveyRequest = z.input<typeof createSurveyRequest>;

export const startSurveyRunRequest = z.strictObject({
  opensAt: instant.nullable().optional(),
  closesAt: instant.nullable().optional(),
});
export type StartSurveyRunRequest = z.input<typeof startSurveyRunRequest>;

export const surveyRun = z.object({
  number: z.number(),
  polls: z.array(poll),
});

export const survey = z.object({
  id: z.string(),
  conversationId: z.string(),
  title: bilingualText,
  resultVisibility: z.enum(resultVisibilities),
  runs: z.array(surveyRun),
  createdAt: z.string(),
});
export type Survey = z.infer<typeof survey>;

export const surveyList = z.object({ items: z.array(survey) });
export type SurveyList = z.infer<typeof surveyList>;

export const surveyShiftQuery = z.strictObject({
  from: z.coerce.number().int().min(1).default(1),
  to: z.coerce.number().int().min(1).optional(),
});
export type SurveyShiftQuery = z.infer<typeof surveyShiftQuery>;

/** Two tallies of one question and the change from the first to the second. */
export const shiftPair = z.object({
  respondents: z.number(),
  before: tally.nullable(),
  after: tally.nullable(),
  /** Per option: the change of the share choosing it (in points) or of its mean. */
  options: z.array(
    z.object({
      optionId: z.string(),
      before: z.number().nullable(),
      after: z.number().nullable(),
      change: z.number().nullable(),
    }),
  ),
  /** Scale: the change of the mean value. */
  meanChange: z.number().nullable(),
});
export type ShiftPair = z.infer<typeof shiftPair>;

export const surveyShift = z.object({
  surveyId: z.string(),
  from: z.number(),
  to: z.number(),
  questions: z.array(
    z.object({
      position: z.number(),
      kind: z.enum(pollKinds),
      question: bilingualText,
      options: z.array(pollOption),
      /** Everyone who answered either run. */
      overall: shiftPair,
      /** Only the people who answered this question in both runs (null under 5 people). */
      panel: shiftPair.nullable(),
    }),
  ),
});
export type SurveyShift = z.infer<typeof surveyShift>;

export const breakdownValues: Record<BreakdownDimension, readonly string[]> = {
  district: districts,
  ageBand: ageBands,
  gender: genders,
};

export const statementVotes = ['agree', 'disagree', 'pass'] as const;
export type StatementVote = (typeof statementVotes)[number];

export const statementStates = ['published', 'pending', 'rejected'] as const;
export type StatementState = (typeof statementStates)[number];

export const statementLimits = { bodyMax: 280 } as const;

export const createStatementRequest = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1, 'Write something first')
    .max(
      statementLimits.bodyMax,
      `A statement may hold at most ${statementLimits.bodyMax} characters`,
    )
    .refine((value) => !/[\p{Cc}]/u.test(value), {
      message: 'Must not contain control characters or line breaks',
    }),
});
export type CreateStatementRequest = z.input<typeof createStatementRequest>;

export const statementVoteRequest = z.strictObject({ vote: z.enum(statementVotes) });
export type StatementVoteRequest = z.input<typeof statementVoteRequest>;

export const statementDecisionRequest = z.strictObject({
  decision: z.enum(['publish', 'reject']),
  reason: z.string().trim().max(500).optional(),
});
export type StatementDecisionRequest = z.input<typeof statementDecisionRequest>;

export const statementListQuery = z.strictObject({
  state: z.enum(statementStates).optional().default('published'),
});
export type StatementListQuery = z.infer<typeof statementListQuery>;

export const statement = z.object({
  id: z.string(),
  conversationId: z.string(),
  body: z.string(),
  language: z.string(),
  state: z.enum(statementStates),
  /** Why it waits for review; shown to its author and facilitators only. */
  holdReason: z.string().nullable(),
  agree: z.number(),
  disagree: z.number(),
  pass: z.number(),
  isMine: z.boolean(),
  myVote: z.enum(statementVotes).nullable(),
  createdAt: z.string(),
});
export type Statement = z.infer<typeof statement>;

export const statementList = z.object({ items: z.array(statement) });
export type StatementList = z.infer<typeof statementList>;

export const nextStatement = z.object({
  statement: statement.nullable(),
  /** Published statements the caller has not voted on yet, this one included. */
  remaining: z.number(),
  voted: z.number(),
});
export type NextStatement = z.infer<typeof nextStatement>;

const statementRef = z.object({
  statementId: z.string(),
  direction: z.enum(['agree', 'disagree']),
});

export const opinionMap = z.object({
  conversationId: z.string(),
  /** The run number; null before the first map was drawn. */
  run: z.number().nullable(),
  computedAt: z.string().nullable(),
  voters: z.number(),
  placed: z.number(),
  groups: z.array(
    z.object({
      id: z.number(),
      size: z.number(),
      /** `share`: of the group voting this way. */
      representative: z.array(statementRef.extend({ share: z.number() })),
    }),
  ),
  consensus: z.array(statementRef.extend({ score: z.number() })),
  divisive: z.array(z.object({ statementId: z.string(), agreeByGroup: z.array(z.number()) })),
  /** Everyone placed, without names: the position on the two axes and the group. */
  points: z.array(z.object({ x: z.number(), y: z.number(), group: z.number().nullable() })),
  /** The caller's own place, when they have voted enough to be placed. */
  me: z.object({ x: z.number(), y: z.number(), group: z.number().nullable() }).nullable(),
  /** The statements named in the lists above. */
  statements: z.array(z.object({ id: z.string(), body: z.string() })),
});
export type OpinionMap = z.infer<typeof opinionMap>;
