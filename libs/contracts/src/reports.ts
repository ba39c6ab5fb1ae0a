import { z } from 'zod';
import { bilingualText } from './conversations';
import { ledger } from './moderation';
import { opinionMap, poll, pollResults, surveyShift } from './preferences';

export const reportLimits = {
  introductionMax: 20_000,
  decisionMax: 1000,
  themesMax: 50,
  decisionsMax: 100,
  quotesPerTheme: 3,
  preferencesMax: 50,
} as const;

/** How the analysts' tags appear in a report: not at all, for all comments, or per theme. */
export const reportTagModes = ['none', 'overall', 'theme'] as const;
export type ReportTagMode = (typeof reportTagModes)[number];

/** A poll, a survey or the opinion map, as a facilitator places it in the report. */
export const reportPreferenceChoice = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('poll'), id: z.uuid() }),
  z.strictObject({ type: z.literal('survey'), id: z.uuid() }),
  z.strictObject({ type: z.literal('map') }),
]);
export type ReportPreferenceChoice = z.infer<typeof reportPreferenceChoice>;

const uuid = z.uuid();
const text = (max: number, min = 0) =>
  z.strictObject({ bg: z.string().trim().min(min).max(max), en: z.string().trim().max(max) });

export const updateReportRequest = z.strictObject({
  introduction: text(reportLimits.introductionMax).optional(),
  /** The themes shown, in this order. */
  themeIds: z.array(uuid).max(reportLimits.themesMax).optional(),
  /** The polls, surveys and map shown, in this order; null shows every one whose results are out. */
  preferences: z
    .array(reportPreferenceChoice)
    .max(reportLimits.preferencesMax)
    .nullable()
    .optional(),
  tagMode: z.enum(reportTagModes).optional(),
});
export type UpdateReportRequest = z.input<typeof updateReportRequest>;

export const reportDecisionRequest = z.strictObject({
  text: text(reportLimits.decisionMax, 1),
  /** The themes that informed the decision. */
  themeIds: z.array(uuid).max(reportLimits.themesMax),
});
export type ReportDecisionRequest = z.input<typeof reportDecisionRequest>;

export const reportDecision = z.object({
  id: z.string(),
  text: bilingualText,
  themeIds: z.array(z.string()),
});
export type ReportDecision = z.infer<typeof reportDecision>;

export const themeOption = z.object({
  id: z.string(),
  label: bilingualText,
  size: z.number().int(),
  isHidden: z.boolean(),
});
export type ThemeOption = z.infer<typeof themeOption>;

/** What the facilitators' editor works on. */
export const reportDraft = z.object({
  conversationId: z.string(),
  introduction: bilingualText,
  themeIds: z.array(z.string()),
  decisions: z.array(reportDecision),
  publishedAt: z.string().nullable(),
  /** Themes of the conversation's current theme run, to choose from. */
  availableThemes: z.array(themeOption),
  themeRunId: z.string().nullable(),
  /** The chosen polls, surveys and map in order; null until a facilitator chooses. */
  preferences: z.array(reportPreferenceChoice).nullable(),
  /** Everything that may be chosen, in the order shown when nothing was chosen yet. */
  availablePreferences: z.array(
    z.object({
      choice: reportPreferenceChoice,
      label: bilingualText,
      respondents: z.number().int(),
      /** Whether the public sees its results now (a poll that shows them on closing does not). */
      isPublic: z.boolean(),
    }),
  ),
  tagMode: z.enum(reportTagModes),
});
export type ReportDraft = z.infer<typeof reportDraft>;

export const populationSource = z.object({
  name: bilingualText,
  url: z.string(),
  note: bilingualText,
});

/** One row of a breakdown: null counts are cells of fewer than 5 people, suppressed. */
export const breakdownRow = z.object({
  key: z.string(),
  people: z.number().int().nullable(),
  /** Share among participants who stated a value on the city's scale (0 to 1). */
  share: z.number().nullable(),
  /** The same share in Sofia's population, where known. */
  populationShare: z.number().nullable(),
});
export type BreakdownRow = z.infer<typeof breakdownRow>;

export const breakdown = z.object({
  rows: z.array(breakdownRow),
  /** People who did not say, or live outside Sofia (not part of the shares). */
  notStated: z.number().int().nullable(),
  source: populationSource,
});
export type Breakdown = z.infer<typeof breakdown>;

export const reportWeek = z.object({
  week: z.string(),
  people: z.number().int(),
  comments: z.number().int(),
  replies: z.number().int(),
});

export const reportQuote = z.object({
  commentId: z.string(),
  topicId: z.string(),
  text: z.string(),
  agree: z.number().int(),
  disagree: z.number().int(),
  createdAt: z.string(),
  /** Path of the comment in its thread in the web app. */
  path: z.string(),
});
export type ReportQuote = z.infer<typeof reportQuote>;

export const reportTag = z.object({
  id: z.string(),
  name: bilingualText,
  /** Public comments carrying the tag. */
  comments: z.number().int(),
});
export type ReportTag = z.infer<typeof reportTag>;

export const reportTheme = z.object({
  id: z.string(),
  label: bilingualText,
  terms: z.array(z.string()),
  size: z.number().int(),
  /** Share of all themed comments, 0 to 1. */
  share: z.number(),
  weekly: z.array(z.object({ week: z.string(), comments: z.number().int() })),
  agree: z.number().int(),
  disagree: z.number().int(),
  /** Comments per district; null where fewer than 5 people of that district wrote in it. */
  districts: z.array(z.object({ key: z.string(), comments: z.number().int().nullable() })),
  quotes: z.array(reportQuote),
  decisionIds: z.array(z.string()),
  /** The analysts' tags on the theme's comments, with counts, when the report shows them so. */
  tags: z.array(reportTag),
});
export type ReportTheme = z.infer<typeof reportTheme>;

export const reportSummary = z.object({
  id: z.string(),
  topic: bilingualText,
  version: z.number().int(),
  body: bilingualText,
  reflects: z.number().int(),
  misses: z.number().int(),
  /** What citizens wrote back, verbatim, newest first. */
  answers: z.array(z.object({ reaction: z.string(), comment: z.string() })),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const themeRunInfo = z.object({
  id: z.string(),
  number: z.number().int(),
  parameters: z.unknown(),
  codeVersion: z.string(),
  inputCount: z.number().int(),
  completedAt: z.string().nullable(),
});
export type ThemeRunInfo = z.infer<typeof themeRunInfo>;

/** A poll's results as the report shows them: the poll, its tally and its breakdowns. */
export const reportPoll = z.object({
  poll,
  results: pollResults,
  /** Open answers: the visible themes their texts were placed in, with how many answers each. */
  themes: z.array(z.object({ id: z.string(), label: bilingualText, answers: z.number().int() })),
});
export type ReportPoll = z.infer<typeof reportPoll>;

export const reportPreference = z.discriminatedUnion('type', [
  reportPoll.extend({ type: z.literal('poll') }),
  z.object({
    type: z.literal('survey'),
    id: z.string(),
    title: bilingualText,
    runs: z.number().int(),
    /** The questions of the latest run with their results. */
    questions: z.array(reportPoll),
    /** From the first run to the latest; null while the survey has one run. */
    shift: surveyShift.nullable(),
  }),
  z.object({ type: z.literal('map'), map: opinionMap }),
]);
export type ReportPreference = z.infer<typeof reportPreference>;

export const insightReport = z.object({
  conversation: z.object({ id: z.string(), slug: z.string(), title: bilingualText }),
  introduction: bilingualText,
  publishedAt: z.string().nullable(),
  generatedAt: z.string(),
  participation: z.object({
    people: z.number().int(),
    comments: z.number().int(),
    replies: z.number().int(),
    weekly: z.array(reportWeek),
    byDistrict: breakdown,
    byAgeBand: breakdown,
    byGender: breakdown,
  }),
  themes: z.array(reportTheme),
  /** Polls, surveys and the opinion map, in the facilitators' order. */
  preferences: z.array(reportPreference),
  tagMode: z.enum(reportTagModes),
  /** Tags over all public comments; empty unless tagMode is 'overall'. */
  tags: z.array(reportTag),
  decisions: z.array(reportDecision),
  summaries: z.array(reportSummary),
  ledger,
  themeRun: themeRunInfo.nullable(),
});
export type InsightReport = z.infer<typeof insightReport>;

export const reportFileQuery = z.strictObject({ lang: z.enum(['bg', 'en']).optional() });
export type ReportFileQuery = z.infer<typeof reportFileQuery>;
