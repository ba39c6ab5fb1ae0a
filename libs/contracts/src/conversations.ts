import { z } from 'zod';
import { locales } from './accounts';
import { searchText } from './query-text';
import { commentModeration, moderationModes, slowMode } from './moderation-common';

export const conversationStatuses = ['draft', 'open', 'closed', 'archived'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const topicStatuses = ['open', 'closed'] as const;
export type TopicStatus = (typeof topicStatuses)[number];

export const stances = ['agree', 'disagree'] as const;
export type Stance = (typeof stances)[number];

export const commentSorts = ['newest', 'oldest', 'agreed', 'discussed', 'controversial'] as const;
export type CommentSort = (typeof commentSorts)[number];

export const summaryReactions = ['reflects', 'misses'] as const;
export type SummaryReaction = (typeof summaryReactions)[number];

export const conversationLimits = {
  titleMax: 200,
  descriptionMax: 20_000,
  backgroundMax: 100_000,
  commentMin: 1,
  commentMax: 5000,
  summaryMax: 20_000,
  summaryResponseMax: 2000,
  clientKeyMax: 100,
  /** Minutes after posting during which the author may still edit a comment. */
  editWindowMinutes: 15,
} as const;

const bilingual = (max: number, min = 0) =>
  z.strictObject({ bg: z.string().trim().min(min).max(max), en: z.string().trim().max(max) });
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Must be lower-case letters and digits joined by -')
  .max(80);
const instant = z.iso.datetime({ offset: true });
const uuid = z.uuid();

export const bilingualText = z.object({ bg: z.string(), en: z.string() });
export type BilingualText = z.infer<typeof bilingualText>;

export const createConversationRequest = z.strictObject({
  slug,
  title: bilingual(conversationLimits.titleMax, 1),
  description: bilingual(conversationLimits.descriptionMax),
  background: bilingual(conversationLimits.backgroundMax).optional(),
  coverImageUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  opensAt: instant.nullable().optional(),
  closesAt: instant.nullable().optional(),
});
export type CreateConversationRequest = z.input<typeof createConversationRequest>;

export const updateConversationRequest = createConversationRequest.omit({ slug: true }).partial();
export type UpdateConversationRequest = z.input<typeof updateConversationRequest>;

export const conversationStatusRequest = z.strictObject({
  status: z.enum(conversationStatuses),
});
export type ConversationStatusRequest = z.input<typeof conversationStatusRequest>;

export const facilitatorRequest = z.strictObject({ userId: uuid });
export type FacilitatorRequest = z.input<typeof facilitatorRequest>;

export const conversation = z.object({
  id: z.string(),
  slug: z.string(),
  title: bilingualText,
  description: bilingualText,
  background: bilingualText,
  coverImageUrl: z.string().nullable(),
  /** The status in effect now: a scheduled opening or closing counts from its time on. */
  status: z.enum(conversationStatuses),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  createdAt: z.string(),
  /** True when the caller may run this conversation (facilitator of it or admin). */
  canFacilitate: z.boolean(),
  facilitatorIds: z.array(z.string()),
});
export type Conversation = z.infer<typeof conversation>;

export const conversationList = z.object({ items: z.array(conversation) });
export type ConversationList = z.infer<typeof conversationList>;

export const createTopicRequest = z.strictObject({
  slug,
  title: bilingual(conversationLimits.titleMax, 1),
  description: bilingual(conversationLimits.descriptionMax),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CreateTopicRequest = z.input<typeof createTopicRequest>;

export const updateTopicRequest = createTopicRequest
  .omit({ slug: true })
  .partial()
  .extend({ status: z.enum(topicStatuses).optional() });
export type UpdateTopicRequest = z.input<typeof updateTopicRequest>;

export const topic = z.object({
  id: z.string(),
  conversationId: z.string(),
  slug: z.string(),
  position: z.number(),
  title: bilingualText,
  description: bilingualText,
  status: z.enum(topicStatuses),
  commentCount: z.number(),
  lastActivityAt: z.string().nullable(),
  /** The topic's own moderation mode; null follows the conversation's. */
  moderationMode: z.enum(moderationModes).nullable(),
  /** Slow mode in effect now, with the reason citizens see; null when off. */
  slowMode: slowMode.nullable(),
});
export type Topic = z.infer<typeof topic>;

export const topicList = z.object({ items: z.array(topic) });
export type TopicList = z.infer<typeof topicList>;

const commentBody = z
  .string()
  .trim()
  .min(conversationLimits.commentMin, 'Write something first')
  .max(
    conversationLimits.commentMax,
    `A comment may hold at most ${conversationLimits.commentMax} characters`,
  )
  .refine((value) => !/[\p{Cc}]/u.test(value.replace(/[\n\r\t]/g, '')), {
    message: 'Must not contain control characters',
  });

export const createCommentRequest = z.strictObject({
  body: commentBody,
  parentId: uuid.nullable().optional(),
  /** Makes posting idempotent; the Idempotency-Key header does the same. */
  clientKey: z.string().min(8).max(conversationLimits.clientKeyMax).optional(),
  language: z.enum(locales).optional(),
});
export type CreateCommentRequest = z.input<typeof createCommentRequest>;

export const editCommentRequest = z.strictObject({ body: commentBody });
export type EditCommentRequest = z.input<typeof editCommentRequest>;

export const stanceRequest = z.strictObject({ stance: z.enum(stances) });
export type StanceRequest = z.input<typeof stanceRequest>;

export const commentListQuery = z.strictObject({
  sort: z.enum(commentSorts).default('newest'),
  /** Lists the direct replies of this comment instead of the topic's threads. */
  parentId: uuid.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CommentListQuery = z.input<typeof commentListQuery>;

export const commentAuthor = z.object({
  /** Null when the account was erased; show "deleted participant". */
  id: z.string().nullable(),
  displayName: z.string().nullable(),
  isDeleted: z.boolean(),
});
export type CommentAuthor = z.infer<typeof commentAuthor>;

export const comment = z.object({
  id: z.string(),
  conversationId: z.string(),
  topicId: z.string(),
  parentId: z.string().nullable(),
  rootId: z.string(),
  depth: z.number(),
  author: commentAuthor,
  /** Markdown source; null once withdrawn (facilitators still see it). */
  body: z.string().nullable(),
  language: z.string(),
  status: z.enum(['visible', 'withdrawn']),
  agree: z.number(),
  disagree: z.number(),
  /** Replies below this comment at any depth. */
  replyCount: z.number(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  /** The caller's own stance, null when none or anonymous. */
  myStance: z.enum(stances).nullable(),
  /** Pending comments reach only their author and facilitators; hidden ones show a reason. */
  moderation: commentModeration,
});
export type Comment = z.infer<typeof comment>;

export const commentPage = z.object({
  items: z.array(comment),
  nextCursor: z.string().nullable(),
});
export type CommentPage = z.infer<typeof commentPage>;

export const threadListQuery = commentListQuery.omit({ parentId: true }).extend({
  /** How many replies of each thread come along, in thread order (0 for none). */
  replies: z.coerce.number().int().min(0).max(100).default(10),
});
export type ThreadListQuery = z.input<typeof threadListQuery>;

export const threadPreview = z.object({
  comment,
  /** The first replies below the thread's root, depth-first in posting order. */
  replies: z.array(comment),
  /** More replies exist than came along: page them with `parentId` or open the permalink. */
  hasMoreReplies: z.boolean(),
});
export type ThreadPreview = z.infer<typeof threadPreview>;

export const threadPage = z.object({
  items: z.array(threadPreview),
  nextCursor: z.string().nullable(),
});
export type ThreadPage = z.infer<typeof threadPage>;

export const commentThread = z.object({
  comment,
  /** From the thread's root down to the parent of `comment`. */
  ancestors: z.array(comment),
  /** Everything below `comment`, depth-first in posting order. */
  replies: z.array(comment),
  hasMoreReplies: z.boolean(),
});
export type CommentThread = z.infer<typeof commentThread>;

export const commentRevision = z.object({
  body: z.string(),
  createdAt: z.string(),
});
export const commentRevisionList = z.object({ items: z.array(commentRevision) });
export type CommentRevisionList = z.infer<typeof commentRevisionList>;

export const searchQuery = z.strictObject({
  q: searchText(200),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type SearchQuery = z.input<typeof searchQuery>;

export const searchResults = z.object({
  items: z.array(z.object({ comment, score: z.number() })),
});
export type SearchResults = z.infer<typeof searchResults>;

export const publishSummaryRequest = z.strictObject({
  body: bilingual(conversationLimits.summaryMax, 1),
  /** Summarises the thread under this root comment instead of the whole topic. */
  commentId: uuid.nullable().optional(),
});
export type PublishSummaryRequest = z.input<typeof publishSummaryRequest>;

export const summaryResponseRequest = z.strictObject({
  reaction: z.enum(summaryReactions),
  comment: z.string().trim().max(conversationLimits.summaryResponseMax).optional(),
});
export type SummaryResponseRequest = z.input<typeof summaryResponseRequest>;

export const summary = z.object({
  id: z.string(),
  conversationId: z.string(),
  topicId: z.string(),
  commentId: z.string().nullable(),
  version: z.number(),
  body: bilingualText,
  authorName: z.string().nullable(),
  publishedAt: z.string(),
  tallies: z.object({ reflects: z.number(), misses: z.number() }),
  myReaction: z.enum(summaryReactions).nullable(),
});
export type Summary = z.infer<typeof summary>;

export const summaryList = z.object({ items: z.array(summary) });
export type SummaryList = z.infer<typeof summaryList>;

export const summaryResponse = z.object({
  reaction: z.enum(summaryReactions),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export const summaryResponseList = z.object({ items: z.array(summaryResponse) });
export type SummaryResponseList = z.infer<typeof summaryResponseList>;

export const notificationTypes = [
  'comment.replied',
  'summary.published',
  'moderation.warned',
  'moderation.muted',
  'moderation.removed',
  'moderation.hidden',
  'moderation.appeal_decided',
] as const;
export type NotificationType = (typeof notificationTypes)[number];

export const notification = z.object({
  id: z.string(),
  type: z.enum(notificationTypes),
  conversationId: z.string(),
  /** Null for notices about the whole conversation, such as a warning. */
  topicId: z.string().nullable(),
  commentId: z.string().nullable(),
  summaryId: z.string().nullable(),
  actorName: z.string().nullable(),
  /**
   * The facilitator's words with a warning, mute or removal; the public reason code with
   * `moderation.hidden` (e.g. `offensive`, `flagged`); the outcome (`restored` or `upheld`) with
   * `moderation.appeal_decided`; null otherwise.
   */
  note: z.string().nullable(),
  /** With `moderation.muted`: when the mute ends (or ended, if lifted early); null otherwise. */
  until: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationList = z.object({
  items: z.array(notification),
  unread: z.number(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const markNotificationsReadRequest = z.strictObject({
  /** Omitted: mark every notification read. */
  ids: z.array(uuid).max(200).optional(),
});
export type MarkNotificationsReadRequest = z.input<typeof markNotificationsReadRequest>;

export const eventReplayQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type EventReplayQuery = z.input<typeof eventReplayQuery>;

export const eventEnvelope = z.object({
  conversationId: z.string(),
  seq: z.number(),
  topicId: z.string().nullable(),
  type: z.string(),
  payload: z.unknown(),
  createdAt: z.string(),
});

export const latestEvent = z.object({
  conversationId: z.string(),
  /** The newest seq of the conversation; join the socket with it to receive only what follows. */
  lastSeq: z.number(),
});
export type LatestEvent = z.infer<typeof latestEvent>;

export const eventReplay = z.object({
  items: z.array(eventEnvelope),
  /** The last seq of the conversation, whether or not this caller may see it. */
  lastSeq: z.number(),
});
