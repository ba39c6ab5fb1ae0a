import type { Comment, Conversation, Role, Topic } from '@razgovor/contracts';
import pg from 'pg';
import { expect } from 'vitest';
import type { HttpClient } from '../../../test/support/http-client';
import { type TestSystem, uniqueEmail } from '../../../test/support/system';

export interface Person {
  client: HttpClient;
  id: string;
}

/** Builders for conversation tests: people with roles, conversations, topics and comments. */
export class ConversationFixtures {
  private slugs = 0;

  constructor(private readonly system: TestSystem) {}

  async sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
    const database = new pg.Client({ connectionString: this.system.config.databaseUrl });
    await database.connect();
    try {
      return (await database.query<T>(text, params)).rows;
    } finally {
      await database.end();
    }
  }

  async person(roles: Role[] = ['citizen'], options: { confirmed?: boolean } = {}) {
    // Tests sign up far more people from one address than the per-address limit allows.
    const limits = await this.system.redis.keys(`${this.system.config.redisPrefix}:rate:sign-up*`);
    if (limits.length > 0) await this.system.redis.del(...limits);
    const client = this.system.client();
    const signUp = await client.post('/api/auth/sign-up', {
      email: uniqueEmail(roles.at(-1)),
      password: 'a password for talking',
      displayName: `Участник ${++this.slugs}`,
    });
    expect(signUp.status).toBe(201);
    const id = (signUp.body as { id: string }).id;
    await this.sql(
      'UPDATE users SET roles = $2, email_confirmed_at = CASE WHEN $3 THEN now() END WHERE id = $1',
      [id, roles, options.confirmed ?? true],
    );

    return { client, id } satisfies Person;
  }

  slug(label = 'talk'): string {
    return `${label}-${process.pid}-${Date.now().toString(36)}-${++this.slugs}`;
  }

  async conversation(
    facilitator: Person,
    options: { status?: 'draft' | 'open' | 'closed' | 'archived'; extra?: object } = {},
  ): Promise<Conversation> {
    const created = await facilitator.client.post('/api/conversations', {
      slug: this.slug(),
      title: { bg: 'Как да харчим бюджета', en: 'How to spend the budget' },
      description: { bg: 'Описание', en: 'Description' },
      ...options.extra,
    });
    expect(created.status).toBe(201);
    const conversation = created.body as Conversation;
    const path: Array<'open' | 'closed' | 'archived'> = ['open', 'closed', 'archived'];
    const target = options.status ?? 'open';
    for (const status of path.slice(0, path.indexOf(target as never) + 1)) {
      const moved = await facilitator.client.post(`/api/conversations/${conversation.id}/status`, {
        status,
      });
      expect(moved.status).toBe(200);
    }

    return conversation;
  }

  async topic(facilitator: Person, conversationId: string): Promise<Topic> {
    const created = await facilitator.client.post(`/api/conversations/${conversationId}/topics`, {
      slug: this.slug('topic'),
      title: { bg: 'Кой може да предлага проекти?', en: 'Who may propose projects?' },
      description: { bg: '', en: '' },
    });
    expect(created.status).toBe(201);

    return created.body as Topic;
  }

  /** Two people of a conversation: one muted for a day, one removed, both by its facilitator. */
  async sanctionedPeople(facilitator: Person, conversationId: string) {
    const [muted, removed] = [await this.person(), await this.person()];
    const people = `/api/conversations/${conversationId}/moderation/people`;
    await facilitator.client.post(`${people}/${muted.id}`, {
      action: 'mute',
      reason: 'Обиди',
      days: 1,
    });
    await facilitator.client.post(`${people}/${removed.id}`, { action: 'remove', reason: 'Спам' });

    return { muted, removed };
  }

  /** A facilitator with an open conversation and one open topic in it. */
  async openTopic() {
    const facilitator = await this.person(['citizen', 'facilitator']);
    const conversation = await this.conversation(facilitator);
    const topic = await this.topic(facilitator, conversation.id);

    return { facilitator, conversation, topic };
  }

  async comment(author: Person, topicId: string, body: string, parentId?: string) {
    const posted = await author.client.post(`/api/topics/${topicId}/comments`, {
      body,
      ...(parentId && { parentId }),
    });
    expect(posted.status).toBe(201);

    return posted.body as Comment;
  }
}
