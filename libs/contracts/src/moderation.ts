import { z } from 'zod';
import { comment } from './conversations';
import { statement } from './preferences';
import { hideReasons, moderationModes } from './moderation-common';
import { searchText } from './query-text';

export const flagReasons = ['spam', 'offensive', 'personal-data', 'off-topic', 'other'] as const;
export type FlagReason = (typeof flagReasons)[number];

export const queueReasons = ['held', 'flagged', 'auto-hidden', 'appealed'] as const;
export type QueueReason = (typeof queueReasons)[number];

export const commentDecisions = ['approve', 'hide', 'restore'] as const;
export type CommentDecision = (typeof commentDecisions)[number];

export const personActions = ['warn', 'mute', 'unmute', 'remove'] as const;
export type PersonAction = (typeof personActions)[number];

export const wordListActions = ['block', 'hold', 'flag'] as const;
export type WordListActionName = (typeof wordListActions)[number];

export const moderationLimits = {
  noteMax: 2000,
  appealMax: 2000,
  flagTextMax: 500,
  bulkMax: 100,
  muteDaysMax: 365,
  patternMax: 100,
  wordListMax: 5000,
  testTextMax: 5000,
  slowModeSecondsMax: 3600,
  excerptLength: 200,
} as const;

const uuid = z.uuid();
const note = z.string().trim().max(moderationLimits.noteMax);
const instant = z.iso.datetime({ offset: true });

export const moderationSettings = z.object({
  mode: z.enum(moderationModes),
  /** Comments of a person's first N in this conversation that wait for review in any mode. */
  newAccountHoldCount: z.number().int(),
  /** Summed flag weight at which a comment is hidden until a facilitator reviews it. */
  flagHideWeight: z.number(),
  /** Comments per minute in one topic that switch slow mode on automatically (0: never). */
  heatCommentsPerMinute: z.number().int(),
  heatFlagsPerMinute: z.number().int(),
  autoSlowModeSeconds: z.number().int(),
  /** Minutes after an automatic switch before slow mode turns itself off again. */
  coolDownMinutes: z.number().int(),
});
export type ModerationSettings = z.infer<typeof moderationSettings>;

export const updateModerationSettingsRequest = z.strictObject({
  mode: z.enum(moderationModes).optional(),
  newAccountHoldCount: z.number().int().min(0).max(100).optional(),
  flagHideWeight: z.number().min(1).max(1000).optional(),
  heatCommentsPerMinute: z.number().int().min(0).max(10_000).optional(),
  heatFlagsPerMinute: z.number().int().min(0).max(10_000).optional(),
  autoSlowModeSeconds: z.number().int().min(1).max(moderationLimits.slowModeSecondsMax).optional(),
  coolDownMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
});
export type UpdateModerationSettingsRequest = z.input<typeof updateModerationSettingsRequest>;

export const topicModerationRequest = z.strictObject({
  /** null: follow the conversation's mode. */
  mode: z.enum(moderationModes).nullable(),
});
export type TopicModerationRequest = z.input<typeof topicModerationRequest>;

export const slowModeRequest = z.strictObject({
  /** 0 switches slow mode off. */
  seconds: z.number().int().min(0).max(moderationLimits.slowModeSecondsMax),
  reason: z.string().trim().min(1).max(300),
});
export type SlowModeRequest = z.input<typeof slowModeRequest>;

export const flagRequest = z
  .strictObject({
    reason: z.enum(flagReasons),
    text: z.string().trim().max(moderationLimits.flagTextMax).optional(),
  })
  .refine((flag) => flag.reason !== 'other' || (flag.text?.length ?? 0) > 0, {
    message: 'Say what is wrong when the reason is "other"',
    path: ['text'],
  });
export type FlagRequest = z.input<typeof flagRequest>;

export const flagReceipt = z.object({ commentId: z.string(), reason: z.enum(flagReasons) });
export type FlagReceipt = z.infer<typeof flagReceipt>;

export const appealRequest = z.strictObject({
  text: z.string().trim().min(1).max(moderationLimits.appealMax),
});
export type AppealRequest = z.input<typeof appealRequest>;

export const appeal = z.object({
  text: z.string(),
  createdAt: z.string(),
  outcome: z.enum(['open', 'restored', 'upheld']),
});
export type Appeal = z.infer<typeof appeal>;

export const queueQuery = z.strictObject({
  sort: z.enum(['newest', 'most-flagged']).default('newest'),
  reason: z.enum(queueReasons).optional(),
  topicId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type QueueQuery = z.input<typeof queueQuery>;

export const excerpt = z.object({ id: z.string(), body: z.string().nullable() });

export const queueItem = z.object({
  comment,
  queueReason: z.enum(queueReasons),
  flagCount: z.number(),
  flagWeight: z.number(),
  flags: z.array(
    z.object({ reason: z.enum(flagReasons), text: z.string().nullable(), createdAt: z.string() }),
  ),
  parent: excerpt.nullable(),
  root: excerpt.nullable(),
  appeal: appeal.nullable(),
  /** Who hid it last, so that an appeal goes to somebody else. */
  hiddenBy: z.string().nullable(),
});
export type QueueItem = z.infer<typeof queueItem>;

/** A statement waiting for facilitators: held on submission, or published and flagged. */
export const statementQueueItem = z.object({
  statement,
  queueReason: z.enum(['held', 'flagged']),
  flagCount: z.number(),
  flagWeight: z.number(),
  flags: queueItem.shape.flags,
});
export type StatementQueueItem = z.infer<typeof statementQueueItem>;

export const statementFlagReceipt = z.object({
  statementId: z.string(),
  reason: z.enum(flagReasons),
});
export type StatementFlagReceipt = z.infer<typeof statementFlagReceipt>;

/** Comments in pages, and every waiting statement of the conversation (they are few). */
export const queuePage = z.object({
  items: z.array(queueItem),
  total: z.number(),
  statements: z.array(statementQueueItem),
});
export type QueuePage = z.infer<typeof queuePage>;

export const decisionRequest = z
  .strictObject({
    action: z.enum(commentDecisions),
    commentIds: z.array(uuid).min(1).max(moderationLimits.bulkMax),
    /** Public reason; required to hide. */
    reason: z.enum(hideReasons).optional(),
    /** Private note for the audit log. */
    note: note.optional(),
  })
  .refine((request) => request.action !== 'hide' || request.reason !== undefined, {
    message: 'Give a public reason to hide',
    path: ['reason'],
  });
export type DecisionRequest = z.input<typeof decisionRequest>;

export const decisionResult = z.object({ items: z.array(comment) });
export type DecisionResult = z.infer<typeof decisionResult>;

export const redactRequest = z
  .strictObject({
    /** UTF-16 offsets into the current text, end exclusive. */
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    note: note.optional(),
  })
  .refine((span) => span.end > span.start, { message: 'End must be after start', path: ['end'] });
export type RedactRequest = z.input<typeof redactRequest>;

export const personActionRequest = z
  .strictObject({
    action: z.enum(personActions),
    /** Shown to the person with a warning, a mute or a removal. */
    reason: z.string().trim().min(1).max(moderationLimits.noteMax),
    days: z.number().int().min(1).max(moderationLimits.muteDaysMax).optional(),
    commentId: uuid.optional(),
  })
  .refine((request) => request.action !== 'mute' || request.days !== undefined, {
    message: 'Say for how many days',
    path: ['days'],
  });
export type PersonActionRequest = z.input<typeof personActionRequest>;

export const sanction = z.object({
  userId: z.string(),
  action: z.enum(personActions),
  reason: z.string(),
  until: z.string().nullable(),
  createdAt: z.string(),
});
export type Sanction = z.infer<typeof sanction>;

export const wordListEntryRequest = z.strictObject({
  pattern: z.string().trim().min(1).max(moderationLimits.patternMax),
  action: z.enum(wordListActions),
  matchInflections: z.boolean().optional(),
  wholeWord: z.boolean().optional(),
});
export type WordListEntryRequest = z.input<typeof wordListEntryRequest>;

export const wordListEntryUpdate = wordListEntryRequest.partial();
export type WordListEntryUpdate = z.input<typeof wordListEntryUpdate>;

export const wordListEntry = z.object({
  id: z.string(),
  pattern: z.string(),
  action: z.enum(wordListActions),
  matchInflections: z.boolean(),
  wholeWord: z.boolean(),
  createdAt: z.string(),
});
export type WordListEntryView = z.infer<typeof wordListEntry>;

export const wordList = z.object({ items: z.array(wordListEntry), version: z.number() });
export type WordListView = z.infer<typeof wordList>;

export const wordListTestRequest = z.strictObject({
  text: z.string().max(moderationLimits.testTextMax),
});
export type WordListTestRequest = z.input<typeof wordListTestRequest>;

export const wordListTestResult = z.object({
  action: z.enum(wordListActions).nullable(),
  matches: z.array(
    z.object({
      entryId: z.string(),
      action: z.enum(wordListActions),
      start: z.number(),
      end: z.number(),
      text: z.string(),
    }),
  ),
});
export type WordListTestResult = z.infer<typeof wordListTestResult>;

export const auditQuery = z.strictObject({
  action: z
    .string()
    .regex(/^[a-z_.-]{1,60}$/)
    .optional(),
  actorId: uuid.optional(),
  targetId: uuid.optional(),
  q: searchText(200).optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The id of the last entry of the previous page. */
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.input<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.number(),
  action: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** "system" when a rule acted (word list, flag weight, heat), else "person". */
  actorKind: z.enum(['person', 'system']),
  targetType: z.string(),
  targetId: z.string().nullable(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = z.object({
  items: z.array(auditEntry),
  nextBefore: z.number().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;

export const ledgerWeek = z.object({
  /** ISO week, e.g. "2025-W49". */
  week: z.string(),
  held: z.number(),
  hidden: z.number(),
  restored: z.number(),
  hiddenByReason: z.record(z.string(), z.number()),
});
export const ledger = z.object({ weeks: z.array(ledgerWeek) });
export type Ledger = z.infer<typeof ledger>;
