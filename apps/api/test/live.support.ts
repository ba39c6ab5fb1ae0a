import type {
  ClientToServerEvents,
  JoinReply,
  PresenceUpdate,
  ServerEventEnvelope,
  ServerToClientEvents,
} from '@razgovor/contracts';
import { serverEventNames } from '@razgovor/contracts';
import { io, type Socket } from 'socket.io-client';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client that records every event it receives, in order. */
export class LiveClient {
  readonly events: ServerEventEnvelope[] = [];
  readonly presence: PresenceUpdate[] = [];
  private constructor(readonly socket: ClientSocket) {}

  static async connect(url: string, sessionCookie?: string): Promise<LiveClient> {
    const socket: ClientSocket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: sessionCookie ? { cookie: `rz_session=${sessionCookie}` } : {},
    });
    const client = new LiveClient(socket);
    for (const name of serverEventNames) {
      socket.on(name, (envelope: ServerEventEnvelope) => client.events.push(envelope));
    }

    socket.on('presence.changed', (update) => client.presence.push(update));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });

    return client;
  }

  join(conversationId: string, afterSeq?: number): Promise<JoinReply> {
    return this.socket
      .timeout(10_000)
      .emitWithAck('conversation.join', { conversationId, afterSeq });
  }

  seqs(conversationId: string): number[] {
    return this.events
      .filter((event) => event.conversationId === conversationId)
      .map((event) => event.seq);
  }

  async waitFor<T>(find: () => T | undefined | false, what: string, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  waitForEvent(predicate: (event: ServerEventEnvelope) => boolean, what: string) {
    return this.waitFor(() => this.events.find(predicate), what);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
