import { z } from 'zod';
import { bilingualText } from './conversations';

export const themeRunStatuses = ['queued', 'running', 'completed', 'failed'] as const;
export type ThemeRunStatus = (typeof themeRunStatuses)[number];

/** manual: asked for by a person; debounced: enough new comments or time; first: no themes yet. */
export const themeRunTriggers = ['manual', 'debounced', 'first'] as const;
export type ThemeRunTrigger = (typeof themeRunTriggers)[number];

/** retrying: an attempt failed (its error is shown) and the job tries again after a back-off. */
export const themeRunStages = [
  'queued',
  'retrying',
  'loading',
  'features',
  'clustering',
  'labels',
  'saving',
];

export const themeStatuses = ['active', 'retired', 'merged'] as const;
export type ThemeStatus = (typeof themeStatuses)[number];

export const themeLimits = {
  labelMax: 120,
  bulkMax: 500,
  mergeMax: 20,
  splitMaxK: 8,
  tagNameMax: 60,
  tagDescriptionMax: 500,
  tagsMax: 200,
  kMax: 30,
} as const;

const uuid = z.uuid();
const label = z.string().trim().min(1).max(themeLimits.labelMax);

export const themeSettings = z.object({
  /** A full re-clustering runs after this many new comments... */
  rerunAfterComments: z.number().int(),
  /** ...or this many minutes after the first comment since the last run, whichever comes first. */
  rerunAfterMinutes: z.number().int(),
  minK: z.number().int().nullable(),
  maxK: z.number().int().nullable(),
  seed: z.number().int(),
  /** Citizens see the overview of themes on the conversation page. */
  isPublished: z.boolean(),
});
export type ThemeSettings = z.infer<typeof themeSettings>;

export const updateThemeSettingsRequest = z
  .strictObject({
    rerunAfterComments: z.number().int().min(1).max(100_000).optional(),
    rerunAfterMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional(),
    minK: z.number().int().min(1).max(themeLimits.kMax).nullable().optional(),
    maxK: z.number().int().min(1).max(themeLimits.kMax).nullable().optional(),
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    isPublished: z.boolean().optional(),
  })
  .refine((value) => !value.minK || !value.maxK || value.minK <= value.maxK, {
    message: 'minK must not exceed maxK',
    path: ['minK'],
  });
export type UpdateThemeSettingsRequest = z.input<typeof updateThemeSettingsRequest>;

export const themeRun = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** 1, 2, 3... within the conversation: "run 7". */
  number: z.number().int(),
  trigger: z.enum(themeRunTriggers),
  status: z.enum(themeRunStatuses),
  stage: z.string().nullable(),
  /** 0 to 1. */
  progress: z.number(),
  parameters: z.record(z.string(), z.unknown()),
  codeVersion: z.string(),
  inputCount: z.number().int(),
  themeCount: z.number().int().nullable(),
  otherCount: z.number().int().nullable(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type ThemeRun = z.infer<typeof themeRun>;

export const themeRunRequest = z.strictObject({
  /** Overrides the conversation's settings for this run only. */
  k: z.number().int().min(1).max(themeLimits.kMax).optional(),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type ThemeRunRequest = z.input<typeof themeRunRequest>;

/** A theme gathers comments and the texts of open poll answers, which go in as comments do. */
export const themeInputKinds = ['comment', 'answer'] as const;

export const themeQuote = z.object({
  /** The input id, stable across runs: the comment's id, or "answer:" and the answer's id. */
  id: z.string(),
  kind: z.enum(themeInputKinds),
  /** The comment quoted (its link); null for an answer. */
  commentId: z.string().nullable(),
  /** The topic of the comment or of the poll; null for a poll of the whole conversation. */
  topicId: z.string().nullable(),
  /** For an answer: the poll it answers (its link) and the poll's question. */
  poll: z.object({ id: z.string(), question: bilingualText }).nullable(),
  /** Verbatim. Answers carry no stance, so their agree and disagree are 0. */
  body: z.string(),
  language: z.string(),
  agree: z.number().int(),
  disagree: z.number().int(),
  createdAt: z.string(),
});
export type ThemeQuote = z.infer<typeof themeQuote>;

export const theme = z.object({
  id: z.string(),
  /** The curated label in the asked language, else the other curated one, else the run's. */
  label: z.string(),
  labelBg: z.string().nullable(),
  labelEn: z.string().nullable(),
  autoLabel: z.string(),
  terms: z.array(z.string()),
  /** Comments and open answers in the theme now (after curation and placement of new ones). */
  size: z.number().int(),
  status: z.enum(themeStatuses),
  isPinned: z.boolean(),
  isHidden: z.boolean(),
  agree: z.number().int(),
  disagree: z.number().int(),
  /** Comments per ISO week (Monday, YYYY-MM-DD), oldest first. */
  trend: z.array(z.object({ week: z.string(), count: z.number().int() })),
  quotes: z.array(themeQuote),
});
export type Theme = z.infer<typeof theme>;

export const themesOverview = z.object({
  conversationId: z.string(),
  settings: themeSettings,
  currentRun: themeRun.nullable(),
  /** Newest first, at most 20. */
  runs: z.array(themeRun),
  themes: z.array(theme),
  /** Comments that fit no theme. */
  otherCount: z.number().int(),
  /** Published comments not yet placed in a theme. */
  unplacedCount: z.number().int(),
});
export type ThemesOverview = z.infer<typeof themesOverview>;

export const themeRunTheme = z.object({
  themeId: z.string(),
  position: z.number().int(),
  label: z.string(),
  terms: z.array(z.string()),
  size: z.number().int(),
  representativeIds: z.array(z.string()),
  match: z.enum(['new', 'matched', 'pinned']),
  overlap: z.number().nullable(),
});

export const themeRunDetail = themeRun.extend({
  inputCommentIds: z.array(z.string()),
  /** Open poll answers in the input, as answer ids. */
  inputAnswerIds: z.array(z.string()),
  themes: z.array(themeRunTheme),
});
export type ThemeRunDetail = z.infer<typeof themeRunDetail>;

export const themeCommentsQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const themeComment = themeQuote.extend({
  themeId: z.string().nullable(),
  confidence: z.number(),
  source: z.enum(['run', 'placed', 'moved']),
  tagIds: z.array(z.string()),
});
export type ThemeComment = z.infer<typeof themeComment>;

export const themeCommentPage = z.object({
  items: z.array(themeComment),
  nextCursor: z.string().nullable(),
});
export type ThemeCommentPage = z.infer<typeof themeCommentPage>;

export const updateThemeRequest = z
  .strictObject({
    /** null returns to the run's label. */
    labelBg: label.nullable().optional(),
    labelEn: label.nullable().optional(),
    /** A pinned theme keeps its comments through the next runs. */
    isPinned: z.boolean().optional(),
    isHidden: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'Nothing to change' });
export type UpdateThemeRequest = z.input<typeof updateThemeRequest>;

export const mergeThemesRequest = z.strictObject({
  themeIds: z.array(uuid).min(1).max(themeLimits.mergeMax),
  intoId: uuid,
});
export type MergeThemesRequest = z.input<typeof mergeThemesRequest>;

export const splitThemeRequest = z.strictObject({
  /** Number of parts; chosen automatically when absent. */
  k: z.number().int().min(2).max(themeLimits.splitMaxK).optional(),
});
export type SplitThemeRequest = z.input<typeof splitThemeRequest>;

export const splitThemeResult = z.object({ themeIds: z.array(z.string()) });

export const moveCommentsRequest = z.strictObject({
  commentIds: z.array(uuid).min(1).max(themeLimits.bulkMax),
  /** null moves the comments to "other". */
  themeId: uuid.nullable(),
});
export type MoveCommentsRequest = z.input<typeof moveCommentsRequest>;

export const moveCommentsResult = z.object({ moved: z.number().int() });

export const publicTheme = z.object({
  id: z.string(),
  label: z.string(),
  terms: z.array(z.string()),
  size: z.number().int(),
  /** Share of the placed comments, 0 to 1. */
  share: z.number(),
  quotes: z.array(themeQuote),
});

export const publicThemes = z.object({
  conversationId: z.string(),
  runNumber: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  themes: z.array(publicTheme),
});
export type PublicThemes = z.infer<typeof publicThemes>;

export const tag = z.object({
  id: z.string(),
  conversationId: z.string(),
  nameBg: z.string(),
  nameEn: z.string(),
  description: z.string(),
  commentCount: z.number().int(),
  createdAt: z.string(),
});
export type Tag = z.infer<typeof tag>;

export const tagList = z.object({ items: z.array(tag) });

export const tagRequest = z.strictObject({
  nameBg: z.string().trim().min(1).max(themeLimits.tagNameMax),
  nameEn: z.string().trim().max(themeLimits.tagNameMax).default(''),
  description: z.string().trim().max(themeLimits.tagDescriptionMax).default(''),
});
export type TagRequest = z.input<typeof tagRequest>;

export const tagUpdate = z
  .strictObject({
    nameBg: z.string().trim().min(1).max(themeLimits.tagNameMax).optional(),
    nameEn: z.string().trim().max(themeLimits.tagNameMax).optional(),
    description: z.string().trim().max(themeLimits.tagDescriptionMax).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'Nothing to change' });
export type TagUpdate = z.input<typeof tagUpdate>;

export const tagCommentRequest = z.strictObject({ tagId: uuid });
export type TagCommentRequest = z.input<typeof tagCommentRequest>;

export const tagSuggestion = z.object({
  commentId: z.string(),
  tagId: z.string(),
  body: z.string(),
  topicId: z.string(),
  /** 0 to 1: the classifier's probability for this tag. */
  confidence: z.number(),
});
export type TagSuggestion = z.infer<typeof tagSuggestion>;

export const tagSuggestionList = z.object({ items: z.array(tagSuggestion) });

export const suggestTagsResult = z.object({
  suggested: z.number().int(),
  /** Hand-tagged comments the classifier learnt from. */
  trainedOn: z.number().int(),
});

export const decideSuggestionRequest = z.strictObject({
  commentId: uuid,
  tagId: uuid,
  accept: z.boolean(),
});
export type DecideSuggestionRequest = z.input<typeof decideSuggestionRequest>;
