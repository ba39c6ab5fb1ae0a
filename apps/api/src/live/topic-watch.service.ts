import { Inject, Injectable } from '@nestjs/common';
import { TopicsService } from '@razgovor/core';
import type { LiveSocket } from './live.types';
import { PresenceService } from './presence.service';

/** Which topic a socket counts as present in: one it may see, at most one at a time. */
@Injectable()
export class TopicWatchService {
  constructor(
    @Inject(TopicsService) private readonly topics: TopicsService,
    @Inject(PresenceService) private readonly presence: PresenceService,
  ) {}

  async watch(socket: LiveSocket, topicId: string | null): Promise<void> {
    if (!topicId) return this.presence.watch(socket, null);

    // No need to have joined first: the web app sends both at once and the join may finish later.
    const { topic, conversation } = await this.topics.load(socket.data.viewer, topicId);

    await this.presence.watch(socket, { conversationId: conversation.id, topicId: topic.id });
  }
}
