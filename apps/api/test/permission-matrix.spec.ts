import { type RouteName, routes } from '@razgovor/contracts';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { LiveClient, sleep } from './live.support';
import { matrix } from './permission-table';
import { type MatrixRole, PermissionWorld, roles } from './permission-world';

//                     anon      cit       mute      rem       here else      anal      admin
const hiddenDraft = 'NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND ok NOT_FOUND NOT_FOUND ok';
const everyone = 'ok ok ok ok ok ok ok ok';

/** What each person's socket may ask for; the answer is the ack's `ok` or its error code. */
const socketMatrix: Array<{
  title: string;
  expect: string;
  emit: (socket: LiveClient, world: PermissionWorld) => Promise<{ ok: boolean; code?: string }>;
}> = [
  {
    title: 'conversation.join an open conversation',
    expect: everyone,
    emit: (socket, world) => socket.join(world.conversation.id),
  },
  {
    title: 'conversation.join a draft',
    expect: hiddenDraft,
    emit: (socket, world) => socket.join(world.draft.id),
  },
  {
    title: 'topic.watch an open topic',
    expect: everyone,
    emit: (socket, world) => watch(socket, world.topic.id),
  },
  {
    title: 'topic.watch a topic of a draft',
    expect: hiddenDraft,
    emit: (socket, world) => watch(socket, world.draftTopic.id),
  },
  {
    title: 'conversation.leave',
    expect: everyone,
    emit: (socket, world) =>
      ack(socket, 'conversation.leave', { conversationId: world.conversation.id }),
  },
];

/** A row of the table, by the person each column stands for. */
function columns<T>(row: string, as: (cell: string) => T): Record<MatrixRole, T> {
  const cells = row.split(' ');
  if (cells.length !== roles.length) throw new Error(`"${row}" needs ${roles.length} columns`);

  return Object.fromEntries(roles.map((role, index) => [role, as(cells[index]!)])) as Record<
    MatrixRole,
    T
  >;
}

function watch(socket: LiveClient, topicId: string) {
  return ack(socket, 'topic.watch', { topicId });
}

/** Emits with an acknowledgement, which the server gives to every message, typed or not. */
function ack(socket: LiveClient, event: string, payload: object) {
  const untyped = socket.socket as unknown as Socket;

  return untyped.timeout(10_000).emitWithAck(event, payload) as Promise<{
    ok: boolean;
    code?: string;
  }>;
}

const cases = (Object.keys(matrix) as RouteName[]).flatMap((name) =>
  matrix[name].map((entry) => ({
    title: `${routes[name].method} ${routes[name].path}${entry.label ? ` (${entry.label})` : ''}`,
    name,
    entry,
  })),
);

describe('the permission matrix', () => {
  let system: TestSystem;
  let world: PermissionWorld;

  beforeAll(async () => {
    system = await startSystem();
    world = new PermissionWorld(system);
    await world.build();
  });
  afterAll(async () => {
    await system.stop();
  });

  it('has a row for every route of the route table', () => {
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(routes).sort());
  });

  it.each(cases)('$title', async ({ name, entry }) => {
    const route = routes[name];
    await world.clearLimits();

    // The people are independent of each other, so they ask at once.
    const statuses = await Promise.all(
      roles.map(async (role) => {
        const person = entry.freshPerson ? await world.person(role) : world.people[role];
        const request = (await entry.request?.(world, role)) ?? {};
        const path = route.path.replace(/:(\w+)/g, (_, key: string) => {
          const value = request.params?.[key];
          if (!value) throw new Error(`The matrix row of ${name} gives no :${key}`);

          return encodeURIComponent(value);
        });
        const client = world.client(person);
        const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const response = await client[method](
          `${path}${request.query ?? ''}`,
          method === 'get' ? undefined : request.body,
        );

        return [role, response.status] as const;
      }),
    );

    const actual = Object.fromEntries(statuses) as Record<MatrixRole, number>;
    expect(actual).toEqual(columns(entry.expect, Number));
  });

  describe('over the socket', () => {
    const sockets = new Map<MatrixRole, LiveClient>();

    beforeAll(async () => {
      for (const role of roles) {
        const cookie = world.people[role]?.client.cookie('rz_session');
        sockets.set(role, await LiveClient.connect(system.url, cookie));
      }
    });
    afterAll(() => {
      for (const socket of sockets.values()) socket.close();
    });

    it.each(socketMatrix)('$title', async ({ expect: outcomes, emit }) => {
      const replies = await Promise.all(
        roles.map(async (role) => {
          const reply = await emit(sockets.get(role)!, world);

          return [role, reply.ok ? 'ok' : (reply.code ?? 'refused')] as const;
        }),
      );

      expect(Object.fromEntries(replies)).toEqual(columns(outcomes, String));
    });

    it('sends facilitator events only to facilitators of the conversation and admins', async () => {
      for (const socket of sockets.values()) await socket.join(world.conversation.id);
      const flagged = await world.freshComment();
      const isQueued = (socket: LiveClient) =>
        socket.events.some(
          (event) =>
            event.type === 'moderation.queue.changed' &&
            event.payload.commentIds.includes(flagged.id),
        );

      await world.clearLimits();
      await world.bystander.client.post(`/api/comments/${flagged.id}/flags`, { reason: 'spam' });
      await sockets
        .get('facilitator here')!
        .waitFor(
          () => isQueued(sockets.get('admin')!) && isQueued(sockets.get('facilitator here')!),
          'the queue change',
        );
      await sleep(300);

      const received = Object.fromEntries(
        roles.map((role) => [role, isQueued(sockets.get(role)!) ? 'receives' : 'nothing']),
      );
      expect(received).toEqual({
        anonymous: 'nothing',
        citizen: 'nothing',
        'muted citizen': 'nothing',
        'removed citizen': 'nothing',
        'facilitator here': 'receives',
        'facilitator elsewhere': 'nothing',
        analyst: 'nothing',
        admin: 'receives',
      });
    });
  });
});
