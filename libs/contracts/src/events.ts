import type {
  Comment,
  ConversationStatus,
  Notification,
  Summary,
  TopicStatus,
} from './conversations';
import type { SlowMode } from './moderation-common';
import type { QueueReason } from './moderation';
import type { ThemeRun } from './themes';

/**
 * Every event a client can receive, by name, with its payload exactly as stored in the events table
 * and sent over HTTP replay and the socket. One naming convention: `<thing>.<past tense>`.
 */
export interface ServerEvents {
  'conversation.opened': { conversationId: string; status: ConversationStatus; at: string };
  'conversation.closed': { conversationId: string; status: ConversationStatus; at: string };
  'topic.opened': { conversationId: string; topicId: string; status: TopicStatus };
  'topic.closed': { conversationId: string; topicId: string; status: TopicStatus };
  /** `comment.myStance` is always null here: events are shared by everyone in the room. */
  'comment.created': { comment: Comment };
  'comment.edited': { comment: Comment };
  /** The placeholder that replaces the comment; its body is null. */
  'comment.withdrawn': { comment: Comment };
  'stance.changed': {
    commentId: string;
    topicId: string;
    agree: number;
    disagree: number;
  };
  /** `summary.myReaction` is always null; tallies as at publication (zero). */
  'summary.published': { summary: Summary };
  /** Only sent to its recipient (audience `user:<id>`). */
  'notification.created': { notification: Notification };
  /** The placeholder with its public reason; facilitators reload the text from the queue. */
  'comment.hidden': { comment: Comment };
  /** The comment back in full after review or appeal. */
  'comment.restored': { comment: Comment };
  /** The text with a span replaced by the redaction mark. */
  'comment.redacted': { comment: Comment };
  /** Audience `facilitators`: the review queue changed; reload these items. */
  'moderation.queue.changed': {
    conversationId: string;
    commentIds: string[];
    /** Statements that joined or left the queue. */
    statementIds?: string[];
    change: QueueReason | 'decided';
  };
  'topic.slow_mode_changed': { conversationId: string; topicId: string; slowMode: SlowMode | null };
  /** A poll was created, rescheduled or closed: reload it (results depend on who asks). */
  'poll.changed': { pollId: string; topicId: string | null };
  /** Someone answered or changed an answer: reload the results if they are shown. */
  'poll.answered': { pollId: string; topicId: string | null; respondents: number };
  /** Audience `analysts`: a theme run was queued, moved on a stage, completed or failed. */
  'theme_run.updated': { run: ThemeRun };
  /** Audience `analysts`: themes changed (a run, curation, new comments placed); reload them. */
  'themes.changed': { conversationId: string; themeIds: string[]; change: ThemesChange };
  /** A statement became votable (audience public) or waits for review (facilitators). */
  'statement.created': { statementId: string; state: 'published' | 'pending' };
  /** A new opinion map was drawn: reload it. */
  'opinion_map.updated': { conversationId: string; run: number; placed: number };
}

export type ThemesChange = 'run' | 'placed' | 'renamed' | 'flagged' | 'merged' | 'split' | 'moved';

export type ServerEventName = keyof ServerEvents;

export const serverEventNames = [
  'conversation.opened',
  'conversation.closed',
  'topic.opened',
  'topic.closed',
  'comment.created',
  'comment.edited',
  'comment.withdrawn',
  'stance.changed',
  'summary.published',
  'notification.created',
  'comment.hidden',
  'comment.restored',
  'comment.redacted',
  'moderation.queue.changed',
  'topic.slow_mode_changed',
  'poll.changed',
  'poll.answered',
  'theme_run.updated',
  'themes.changed',
  'statement.created',
  'opinion_map.updated',
] as const satisfies readonly ServerEventName[];

/**
 * Who may see an event: everyone, the conversation's facilitators, its analysts (analysts,
 * facilitators and admins), or one person.
 */
export type EventAudience = 'public' | 'facilitators' | 'analysts' | `user:${string}`;

/** An event as replayed over HTTP or pushed live, in per-conversation `seq` order. */
export type ServerEventEnvelope = {
  [Name in ServerEventName]: {
    conversationId: string;
    seq: number;
    topicId: string | null;
    type: Name;
    payload: ServerEvents[Name];
    createdAt: string;
  };
}[ServerEventName];

/** The Redis pub/sub notice sent after a commit; the live layer reads the rows by seq. */
export interface EventNotice {
  conversationId: string;
  seq: number;
}
