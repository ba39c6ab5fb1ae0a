import type { User } from '../accounts/user.entity';
import { canFacilitate } from '../conversations/conversation.policy';
import type { ConversationsService } from '../conversations/conversations.service';
import type { EventsRepository, StoredEvent } from './events.repository';

/** Analysts of a conversation: its facilitators and every analyst. */
export function isAnalystOf(viewer: User | null, isFacilitator: boolean): boolean {
  return isFacilitator || (viewer?.roles.includes('analyst') ?? false);
}

/** The audiences a person may see in one conversation. */
export function audiencesOf(viewer: User | null, isFacilitator: boolean): string[] {
  const audiences = ['public'];
  if (viewer) audiences.push(`user:${viewer.id}`);
  if (isFacilitator) audiences.push('facilitators');
  if (isAnalystOf(viewer, isFacilitator)) audiences.push('analysts');

  return audiences;
}

/** Replay of a conversation's events for a client that was away. */
export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly conversations: ConversationsService,
  ) {}

  /** The newest seq, read from the conversation row: a client starts following from here. */
  async latest(viewer: User | null, conversationId: string) {
    const conversation = await this.conversations.load(viewer, conversationId);

    return {
      conversationId: conversation.id,
      lastSeq: await this.events.lastSeq(conversation.id),
    };
  }

  async replay(viewer: User | null, conversationId: string, afterSeq: number, limit: number) {
    const conversation = await this.conversations.load(viewer, conversationId);
    const audiences = audiencesOf(viewer, canFacilitate(viewer, conversation));

    const [events, lastSeq] = await Promise.all([
      this.events.listAfter(conversation.id, afterSeq, limit, audiences),
      this.events.lastSeq(conversation.id),
    ]);

    return { items: events.map(withoutAudience), lastSeq };
  }
}

function withoutAudience({ audience: _audience, ...event }: StoredEvent) {
  return event;
}
