import { z } from 'zod';
import { bilingualText } from './conversations';
import { ledger } from './moderation';

export const reportLimits = {
  introductionMax: 20_000,
  decisionMax: 1000,
  themesMax: 50,
  decisionsMax: 100,
  quotesPerTheme: 3,
} as const;

const uuid = z.uuid();
const text = (max: number, min = 0) =>
  z.strictObject({ bg: z.string().trim().min(min).max(max), en: z.string().trim().max(max) });

export const updateReportRequest = z.strictObject({
  introduction: text(reportLimits.introductionMax).optional(),
  /** The themes shown, in this order. */
  themeIds: z.array(uuid).max(reportLimits.themesMax).optional(),
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
  decisions: z.array(reportDecision),
  summaries: z.array(reportSummary),
  ledger,
  themeRun: themeRunInfo.nullable(),
});
export type InsightReport = z.infer<typeof insightReport>;

export const reportFileQuery = z.strictObject({ lang: z.enum(['bg', 'en']).optional() });
export type ReportFileQuery = z.infer<typeof reportFileQuery>;
