import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { ErrorCode, JoinReply } from '@razgovor/contracts';
import { AppError, rooms } from '@razgovor/core';
import { z } from 'zod';
import { ConversationFeedService } from './conversation-feed.service';
import { EventFanoutService } from './event-fanout.service';
import type { LiveServer, LiveSocket } from './live.types';
import { PresenceService } from './presence.service';
import { SocketIdentityService } from './socket-identity.service';
import { TopicWatchService } from './topic-watch.service';

const joinRequest = z.strictObject({
  conversationId: z.string().min(1).max(100),
  afterSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
const leaveRequest = z.strictObject({ conversationId: z.string().min(1).max(100) });
const watchRequest = z.strictObject({ topicId: z.uuid().nullable() });

export type LiveReply = { ok: true } | { ok: false; code: ErrorCode; message: string };

/** The socket.io endpoint: signs sockets in, checks payloads and hands the work to services. */
@WebSocketGateway()
export class LiveGateway implements OnGatewayInit<LiveServer>, OnGatewayDisconnect<LiveSocket> {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    @Inject(SocketIdentityService) private readonly identity: SocketIdentityService,
    @Inject(ConversationFeedService) private readonly feed: ConversationFeedService,
    @Inject(EventFanoutService) private readonly fanout: EventFanoutService,
    @Inject(PresenceService) private readonly presence: PresenceService,
    @Inject(TopicWatchService) private readonly topics: TopicWatchService,
  ) {}

  afterInit(server: LiveServer): void {
    this.fanout.attach(server);
    this.presence.attach(server);
    // Sign-in happens before the connection is accepted, so no message can outrun it.
    server.use((socket, next) => {
      this.identity.identify(socket.handshake.headers).then(
        (viewer) => {
          socket.data.viewer = viewer;
          socket.data.conversations = new Map();
          socket.data.watching = null;
          if (viewer) void socket.join(rooms.user(viewer.id));
          next();
        },
        (error: Error) => {
          this.logger.warn(`Could not sign a socket in: ${error.message}`);
          next(new Error('SERVICE_UNAVAILABLE'));
        },
      );
    });
  }

  handleDisconnect(socket: LiveSocket): void {
    const followed = [...(socket.data.conversations?.keys() ?? [])];
    this.feed.leaveAll(socket);
    void this.presence.leaveAll(socket, followed).catch((error: Error) => {
      this.logger.warn(`Could not record that socket ${socket.id} left: ${error.message}`);
    });
  }

  @SubscribeMessage('conversation.join')
  async join(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown) {
    return reply<JoinReply>(this.logger, async () => {
      const request = parse(joinRequest, body);
      const result = await this.feed.join(socket, request.conversationId, request.afterSeq ?? 0);
      if (result.ok && socket.data.conversations.has(result.conversationId)) {
        await this.presence.enterConversation(socket, result.conversationId);
      }

      return result;
    });
  }

  @SubscribeMessage('conversation.leave')
  async leave(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown) {
    return reply<LiveReply>(this.logger, async () => {
      const request = parse(leaveRequest, body);
      if (this.feed.leave(socket, request.conversationId)) {
        await this.presence.leaveConversation(socket, request.conversationId);
      }

      return { ok: true };
    });
  }

  @SubscribeMessage('topic.watch')
  async watch(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown) {
    return reply<LiveReply>(this.logger, async () => {
      const request = parse(watchRequest, body);
      await this.topics.watch(socket, request.topicId);

      return { ok: true };
    });
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', issues);
  }

  return parsed.data;
}

/** Every failure reaches the client's ack as a code and a message, never as a dropped reply. */
async function reply<T>(
  logger: Logger,
  work: () => Promise<T>,
): Promise<T | { ok: false; code: ErrorCode; message: string }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
    logger.error(`Socket request failed: ${(error as Error).message}`, (error as Error).stack);

    return { ok: false, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' };
  }
}
