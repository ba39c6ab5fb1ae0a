import { z } from 'zod';

export const moderationModes = ['post', 'pre'] as const;
export type ModerationMode = (typeof moderationModes)[number];

/** Where a comment stands with the facilitators; `pending` is seen only by its author and them. */
export const moderationStates = ['published', 'pending', 'hidden'] as const;
export type ModerationState = (typeof moderationStates)[number];

/** The public reasons a facilitator may give for hiding; shown in the placeholder. */
export const hideReasons = [
  'spam',
  'offensive',
  'personal-data',
  'off-topic',
  'duplicate',
  'other',
] as const;
export type HideReason = (typeof hideReasons)[number];

/** `flagged`: hidden automatically after flags, until a facilitator looks at it. */
export const placeholderReasons = [...hideReasons, 'flagged'] as const;
export type PlaceholderReason = (typeof placeholderReasons)[number];

/** Moderation as the comment's reader may see it. */
export const commentModeration = z.object({
  state: z.enum(moderationStates),
  /** Why it is hidden, for the placeholder; null unless hidden. */
  reason: z.enum(placeholderReasons).nullable(),
  /** True once a facilitator has cut personal data out of the text. */
  isRedacted: z.boolean(),
  /** The author's appeal: `open` until decided; shown to the author and facilitators, else null. */
  appeal: z.enum(['open', 'restored', 'upheld']).nullable(),
});
export type CommentModeration = z.infer<typeof commentModeration>;

export const slowMode = z.object({
  seconds: z.number().int(),
  /** Shown to citizens above the composer. */
  reason: z.string(),
  isAutomatic: z.boolean(),
  since: z.string(),
  /** When an automatic switch ends by itself; null for a manual one. */
  until: z.string().nullable(),
});
export type SlowMode = z.infer<typeof slowMode>;
