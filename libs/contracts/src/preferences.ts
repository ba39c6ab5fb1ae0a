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
