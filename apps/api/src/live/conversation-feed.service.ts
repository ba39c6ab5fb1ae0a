import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JoinReply } from '@razgovor/contracts';
import {
  AppError,
  audiencesOf,
  canFacilitate,
  ConversationsService,
  isAnalystOf,
  LiveEventsRepository,
  rooms,
} from '@razgovor/core';
import { EventFanoutService } from './event-fanout.service';
import { emitEvent, type LiveSocket } from './live.types';

const replayPage = 500;

/**
 * Following a conversation: replay from the client's last seq, then live. Replay reads bounded
 * ranges up to the process's fan-out cursor, so the hand-over to live delivery skips nothing and
 * repeats nothing; the switch happens in one synchronous step after the last read.
 */
@Injectable()
export class ConversationFeedService {
  private readonly logger = new Logger(ConversationFeedService.name);

  constructor(
    @Inject(ConversationsService) private readonly conversations: ConversationsService,
    @Inject(LiveEventsRepository) private readonly events: LiveEventsRepository,
    @Inject(EventFanoutService) private readonly fanout: EventFanoutService,
  ) {}

  async join(socket: LiveSocket, conversationId: string, afterSeq: number): Promise<JoinReply> {
    const viewer = socket.data.viewer;
    const conversation = await this.conversations.load(viewer, conversationId);
    const isFacilitator = canFacilitate(viewer, conversation);
    const audiences = audiencesOf(viewer, isFacilitator);
    const latest = await this.events.lastSeq(conversation.id);
    if (afterSeq > latest) {
      throw new AppError('VALIDATION_FAILED', `afterSeq is ahead of the conversation (${latest})`, {
        latestSeq: latest,
      });
    }

    // A socket that went away while the conversation loaded must not be put in its rooms.
    if (!socket.connected)
      return { ok: true, conversationId: conversation.id, latestSeq: 0, replayed: 0 };
    this.leave(socket, conversation.id);
    const generation = this.fanout.hold(conversation.id, socket.id);
    // Recorded now, so that a leave or a disconnect during replay also ends the replay.
    socket.data.conversations.set(conversation.id, { isFacilitator });
    let position = afterSeq;
    let upTo = latest;
    let replayed = 0;
    for (;;) {
      while (position < upTo) {
        const range = { conversationId: conversation.id, after: position, upTo };
        const page = await this.events.listRange(range, audiences, replayPage);
        if (!this.fanout.isCurrent(conversation.id, socket.id, generation)) {
          return { ok: true, conversationId: conversation.id, latestSeq: position, replayed };
        }

        for (const event of page) emitEvent(socket, event);
        replayed += page.length;
        position = page.length < replayPage ? upTo : page[page.length - 1].seq;
      }

      // Events fanned out while this socket was held back are read here, not lost.
      const cursor = this.fanout.cursor(conversation.id);
      if (cursor <= position) break;
      upTo = cursor;
    }

    const joined = [rooms.conversation(conversation.id)];
    if (isFacilitator) joined.push(rooms.facilitators(conversation.id));
    if (isAnalystOf(viewer, isFacilitator)) joined.push(rooms.analysts(conversation.id));
    void socket.join(joined);
    this.fanout.release(conversation.id, socket.id, position);
    this.logger.debug(
      `Socket ${socket.id} follows conversation ${conversation.id} from ${afterSeq}`,
    );

    return { ok: true, conversationId: conversation.id, latestSeq: position, replayed };
  }

  leave(socket: LiveSocket, conversationId: string): boolean {
    this.fanout.forget(conversationId, socket.id);
    if (!socket.data.conversations.delete(conversationId)) return false;

    void socket.leave(rooms.conversation(conversationId));
    void socket.leave(rooms.facilitators(conversationId));
    void socket.leave(rooms.analysts(conversationId));

    return true;
  }

  leaveAll(socket: LiveSocket): void {
    for (const conversationId of [...socket.data.conversations.keys()]) {
      this.leave(socket, conversationId);
    }
  }
}
