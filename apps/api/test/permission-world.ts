import type {
  Comment,
  Conversation,
  Poll,
  Role,
  Summary,
  Survey,
  Topic,
} from '@razgovor/contracts';
import { expect } from 'vitest';
import type { HttpClient } from '../../../test/support/http-client';
import { type TestSystem, uniqueEmail } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';
import { insertComments, mixedCorpus, requestRun, waitForRun } from './themes.fixtures';

/** The people a permission is checked for, in the column order of the matrix. */
export const roles = [
  'anonymous',
  'citizen',
  'muted citizen',
  'removed citizen',
  'facilitator here',
  'facilitator elsewhere',
  'analyst',
  'admin',
] as const;
export type MatrixRole = (typeof roles)[number];

const accountRoles: Record<Exclude<MatrixRole, 'anonymous'>, Role[]> = {
  citizen: ['citizen'],
  'muted citizen': ['citizen'],
  'removed citizen': ['citizen'],
  'facilitator here': ['citizen', 'facilitator'],
  'facilitator elsewhere': ['citizen', 'facilitator'],
  analyst: ['citizen', 'analyst'],
  admin: ['citizen', 'admin'],
};

export const password = 'a password for talking';

/**
 * One conversation with everything a route can point at, and its people. Routes that change or
 * use up their target ask for a fresh one per role, so every role meets the same starting state.
 */
export class PermissionWorld {
  readonly fixtures: ConversationFixtures;
  people = {} as Record<MatrixRole, Person | null>;
  conversation!: Conversation;
  topic!: Topic;
  draft!: Conversation;
  draftTopic!: Topic;
  comment!: Comment;
  summary!: Summary;
  wordEntryId!: string;
  poll!: Poll;
  /** A poll nobody answers, so only facilitators may see its results. */
  unansweredPoll!: Poll;
  survey!: Survey;
  exportId!: string;
  /** A conversation of the same facilitator whose comments the worker grouped into themes. */
  themed!: { conversationId: string; runId: string; themeIds: string[]; commentIds: string[] };
  tagId!: string;
  statementId!: string;
  /** A citizen who writes the comments others act on, and whom facilitators warn. */
  bystander!: Person;
  /** A facilitator who is added to and removed from the conversation. */
  spareFacilitator!: Person;
  signInEmail = uniqueEmail('sign-in');
  private count = 0;

  constructor(readonly system: TestSystem) {
    this.fixtures = new ConversationFixtures(system);
  }

  async build(): Promise<void> {
    this.people.anonymous = null;
    this.people['facilitator here'] = await this.fixtures.person(accountRoles['facilitator here']);
    const facilitator = this.people['facilitator here'];
    this.conversation = await this.fixtures.conversation(facilitator);
    this.topic = await this.fixtures.topic(facilitator, this.conversation.id);
    this.draft = await this.fixtures.conversation(facilitator, { status: 'draft' });
    this.draftTopic = await this.fixtures.topic(facilitator, this.draft.id);
    for (const role of roles.slice(1)) {
      if (role !== 'facilitator here') this.people[role] = await this.person(role);
    }

    const elsewhere = this.people['facilitator elsewhere']!;
    await this.fixtures.conversation(elsewhere);
    this.bystander = await this.fixtures.person();
    this.spareFacilitator = await this.fixtures.person(['citizen', 'facilitator']);
    const signUp = await this.system.client().post('/api/auth/sign-up', {
      email: this.signInEmail,
      password,
      displayName: 'Вход',
    });
    expect(signUp.status).toBe(201);

    this.comment = await this.freshComment();
    const summary = await facilitator.client.post(`/api/topics/${this.topic.id}/summaries`, {
      body: { bg: 'Обобщение', en: 'Summary' },
    });
    this.summary = summary.body as Summary;
    this.wordEntryId = await this.freshWordEntry();
    this.poll = await this.freshPoll();
    this.unansweredPoll = await this.freshPoll();
    const survey = await facilitator.client.post(
      `/api/conversations/${this.conversation.id}/surveys`,
      {
        title: { bg: 'Анкета', en: 'Survey' },
        questions: [{ kind: 'scale', question: { bg: 'Доверие', en: 'Trust' } }],
      },
    );
    expect(survey.status).toBe(201);
    this.survey = survey.body as Survey;
    const made = await this.people.analyst!.client.post(
      `/api/conversations/${this.conversation.id}/exports`,
      { format: 'csv' },
    );
    expect(made.status).toBe(202);
    this.exportId = (made.body as { id: string }).id;
    this.statementId = await this.freshStatement();
    await this.buildThemes();
  }

  private async buildThemes(): Promise<void> {
    const conversation = await this.fixtures.conversation(this.facilitator);
    const topic = await this.fixtures.topic(this.facilitator, conversation.id);
    const texts = mixedCorpus().map((item) => item.text);
    const commentIds = await insertComments(this.fixtures, topic, this.facilitator, texts);
    const analyst = this.people.analyst!;
    const run = await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);
    const themeIds = run.themes.map((theme) => theme.themeId);
    expect(themeIds.length).toBeGreaterThanOrEqual(4);
    this.themed = { conversationId: conversation.id, runId: run.id, themeIds, commentIds };
    this.tagId = await this.freshTag();
  }

  /** A "you said, we did" decision of the conversation's report, to change or remove. */
  async freshDecision(): Promise<string> {
    const text = `Решение ${++this.count}`;
    const created = await this.facilitator.client.post(
      `/api/conversations/${this.conversation.id}/report/decisions`,
      { text: { bg: text, en: '' }, themeIds: [] },
    );
    expect(created.status).toBe(201);
    const { decisions } = created.body as {
      decisions: Array<{ id: string; text: { bg: string } }>;
    };

    return decisions.find((decision) => decision.text.bg === text)!.id;
  }

  async freshStatement(): Promise<string> {
    const created = await this.bystander.client.post(
      `/api/conversations/${this.conversation.id}/statements`,
      { body: `Повече дървета по улица ${++this.count}` },
    );
    expect(created.status).toBe(201);

    return (created.body as { id: string }).id;
  }

  async freshTag(): Promise<string> {
    const created = await this.facilitator.client.post(
      `/api/conversations/${this.themed.conversationId}/tags`,
      { nameBg: this.unique('Етикет') },
    );
    expect(created.status).toBe(201);

    return (created.body as { id: string }).id;
  }

  get facilitator(): Person {
    return this.people['facilitator here']!;
  }

  /** A client with the role's session, whose cookies the request may change freely. */
  client(person: Person | null): HttpClient {
    return person ? person.client.sharingSession() : this.system.client();
  }

  /** A new person of the role, muted or removed in the conversation where the role says so. */
  async person(role: MatrixRole): Promise<Person | null> {
    if (role === 'anonymous') return null;
    const person = await this.fixtures.person(accountRoles[role]);
    const sanction =
      role === 'muted citizen'
        ? { action: 'mute', days: 7, reason: 'Обиди' }
        : role === 'removed citizen'
          ? { action: 'remove', reason: 'Заплахи' }
          : null;
    if (sanction) {
      const done = await this.facilitator.client.post(
        `/api/conversations/${this.conversation.id}/moderation/people/${person.id}`,
        sanction,
      );
      expect(done.status).toBe(200);
    }

    return person;
  }

  /** Forgets every rate limit, so one case's requests never spend another's budget. */
  async clearLimits(): Promise<void> {
    const keys = await this.system.redis.keys(`${this.system.config.redisPrefix}:rate:*`);
    if (keys.length > 0) await this.system.redis.del(...keys);
  }

  unique(label: string): string {
    return `${label}-${++this.count}`;
  }

  /** A word made of letters only, as digits would be read as letters by the word list. */
  uniqueWord(): string {
    const letters = 'абвгдежзиклмнопрстуф';
    const suffix = [...(++this.count).toString(20)]
      .map((digit) => letters[parseInt(digit, 20)])
      .join('');

    return `забранено${suffix}`;
  }

  async freshComment(): Promise<Comment> {
    return this.fixtures.comment(this.bystander, this.topic.id, `Мнение ${++this.count}`);
  }

  async freshHiddenComment(): Promise<Comment> {
    const comment = await this.freshComment();
    const hidden = await this.facilitator.client.post(
      `/api/conversations/${this.conversation.id}/moderation/decisions`,
      { action: 'hide', commentIds: [comment.id], reason: 'offensive' },
    );
    expect(hidden.status).toBe(200);

    return comment;
  }

  freshDraft(): Promise<Conversation> {
    return this.fixtures.conversation(this.facilitator, { status: 'draft' });
  }

  async freshWordEntry(): Promise<string> {
    const created = await this.facilitator.client.post(
      `/api/conversations/${this.conversation.id}/word-list`,
      { pattern: this.uniqueWord(), action: 'flag' },
    );
    expect(created.status).toBe(201);

    return (created.body as { id: string }).id;
  }

  async freshPoll(): Promise<Poll> {
    const created = await this.facilitator.client.post(
      `/api/conversations/${this.conversation.id}/polls`,
      { question: { bg: 'Колко?', en: 'How much?' }, kind: 'scale' },
    );
    expect(created.status).toBe(201);

    return created.body as Poll;
  }
}
