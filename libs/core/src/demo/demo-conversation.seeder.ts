import { detectLanguage } from '@razgovor/text';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../accounts/passwords';
import { UsersRepository } from '../accounts/users.repository';
import { CommentsRepository } from '../comments/comments.repository';
import { searchTerms } from '../comments/search-terms';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { TopicsRepository } from '../conversations/topics.repository';
import { Database, type Sql } from '../database/sql';
import { SummariesRepository } from '../summaries/summaries.repository';
import { demoPassword } from './demo-accounts';
import { seedDemoPreferences } from './demo-preferences.seeder';
import type { DemoComment, DemoData } from './demo-conversation.types';

export interface DemoSeedDeps {
  dataSource: DataSource;
  now: Date;
  /** Who runs the conversation; the first persona when this account does not exist. */
  facilitatorEmail?: string;
}

export interface DemoSeedResult {
  isCreated: boolean;
  comments: number;
}

const dayMs = 24 * 3600 * 1000;
/** The conversation runs for four weeks and the demo shows it on its last day. */
const lengthDays = 28;

interface Context {
  tx: Sql;
  comments: CommentsRepository;
  topics: TopicsRepository;
  conversationId: string;
  topicId: string;
  personaIds: string[];
  start: Date;
  count: number;
}

/**
 * Inserts a demo conversation from plain data: personas become accounts, comment trees become
 * threads dated over four weeks, stance numbers become stances of distinct personas. Skips when a
 * conversation with the slug exists. History is written without events: clients read it by REST.
 */
export async function seedDemoConversation(
  deps: DemoSeedDeps,
  data: DemoData,
): Promise<DemoSeedResult> {
  const database = new Database(deps.dataSource);
  const conversations = new ConversationsRepository(database.pool);
  if (await conversations.findBySlug(data.conversation.slug)) {
    return { isCreated: false, comments: 0 };
  }

  const users = new UsersRepository(deps.dataSource);
  const personaIds = await createPersonas(users, data, deps.now);
  const facilitator = deps.facilitatorEmail ? await users.findByEmail(deps.facilitatorEmail) : null;
  const facilitatorId = facilitator?.id ?? personaIds[0] ?? null;
  const start = new Date(deps.now.getTime() - (lengthDays - 1) * dayMs);
  start.setUTCHours(0, 0, 0, 0);
  const { conversation } = data;

  const comments = await database.transaction(async (tx) => {
    const conversationId = await conversations.create(
      tx,
      {
        slug: conversation.slug,
        titleBg: conversation.title.bg,
        titleEn: conversation.title.en,
        descriptionBg: conversation.description.bg,
        descriptionEn: conversation.description.en,
        backgroundBg: conversation.background.bg,
        backgroundEn: conversation.background.en,
        coverImageUrl: null,
        opensAt: start,
        closesAt: new Date(start.getTime() + (lengthDays + 7) * dayMs),
      },
      facilitatorId,
      start,
    );
    await conversations.setStatus(tx, conversationId, 'open', start);
    const topics = new TopicsRepository(database.pool);
    const summaries = new SummariesRepository(database.pool);
    let count = 0;
    const topicIds = new Map<string, string>();
    for (const [position, topic] of conversation.topics.entries()) {
      const topicId = await topics.create(
        tx,
        conversationId,
        {
          slug: topic.slug,
          position,
          titleBg: topic.title.bg,
          titleEn: topic.title.en,
          descriptionBg: topic.description.bg,
          descriptionEn: topic.description.en,
        },
        start,
      );
      topicIds.set(topic.slug, topicId);
      const context: Context = {
        tx,
        comments: new CommentsRepository(database.pool),
        topics,
        conversationId,
        topicId,
        personaIds,
        start,
        count: 0,
      };
      for (const comment of topic.comments) {
        const rootId = await insertTree(context, comment, null);
        if (comment.summary && facilitatorId) {
          await summaries.insert(
            tx,
            {
              conversationId,
              topicId,
              commentId: rootId,
              bodyBg: comment.summary.bg,
              bodyEn: comment.summary.en,
            },
            facilitatorId,
            new Date(start.getTime() + (lengthDays - 3) * dayMs),
          );
        }
      }

      count += context.count;
      if (topic.summary && facilitatorId) {
        await summaries.insert(
          tx,
          {
            conversationId,
            topicId,
            commentId: null,
            bodyBg: topic.summary.bg,
            bodyEn: topic.summary.en,
          },
          facilitatorId,
          new Date(start.getTime() + (lengthDays - 2) * dayMs),
        );
      }
    }

    if (data.preferences && facilitatorId) {
      const context = { tx, database, conversationId, topicIds, personaIds, facilitatorId };
      await seedDemoPreferences({ ...context, start, now: deps.now }, data.preferences);
    }

    return count;
  });

  return { isCreated: true, comments };
}

async function createPersonas(users: UsersRepository, data: DemoData, now: Date) {
  const passwordHash = await hashPassword(demoPassword);
  const ids: string[] = [];
  for (const [index, persona] of data.personas.entries()) {
    const email = `persona-${String(index + 1).padStart(3, '0')}@razgovor.demo`;
    const existing = await users.findByEmail(email);
    const user =
      existing ??
      (await users.create({
        email,
        passwordHash,
        displayName: persona.displayName,
        district: persona.district,
        ageBand: persona.ageBand,
        gender: persona.gender,
        emailConfirmedAt: now,
      }));
    ids.push(user.id);
  }

  return ids;
}

interface Parent {
  id: string;
  rootId: string;
  ancestorIds: string[];
  depth: number;
  path: string;
  children: number;
  createdAt: Date;
}

async function insertTree(
  context: Context,
  comment: DemoComment,
  parent: Parent | null,
): Promise<string> {
  const { tx, comments } = context;
  const id = randomUUID();
  const authorId = context.personaIds[comment.author % context.personaIds.length]!;
  const dated = context.start.getTime() + comment.day * dayMs + comment.hour * 3600 * 1000;
  // A reply never predates what it answers, whatever the data says.
  const createdAt = new Date(Math.max(dated, (parent?.createdAt.getTime() ?? 0) + 60_000));
  const number = parent ? ++parent.children : 0;
  const place: Parent = {
    id,
    rootId: parent?.rootId ?? id,
    ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
    depth: parent ? parent.depth + 1 : 0,
    path: parent ? `${parent.path}/${String(number).padStart(6, '0')}` : '',
    children: 0,
    createdAt,
  };

  await comments.insert(tx, {
    id,
    conversationId: context.conversationId,
    topicId: context.topicId,
    authorId,
    parentId: parent?.id ?? null,
    rootId: place.rootId,
    ancestorIds: place.ancestorIds,
    depth: place.depth,
    path: place.path,
    body: comment.text,
    language: comment.language ?? languageOf(comment.text),
    clientKey: null,
    searchTerms: searchTerms(comment.text),
    createdAt,
  });
  if (parent) await comments.takeChildNumber(tx, parent.id);
  await comments.countReply(tx, place.ancestorIds, createdAt);
  await context.topics.recordComment(tx, context.topicId, createdAt);
  await seedStances(context, id, authorId, comment, createdAt);
  context.count++;

  for (const reply of comment.replies ?? []) await insertTree(context, reply, place);

  return id;
}

async function seedStances(
  context: Context,
  commentId: string,
  authorId: string,
  comment: DemoComment,
  at: Date,
) {
  const voters = context.personaIds.filter((id) => id !== authorId);
  const agree = Math.min(comment.agree ?? 0, voters.length);
  const disagree = Math.min(comment.disagree ?? 0, voters.length - agree);
  // Rotate the start so the same personas do not vote on everything.
  const offset = context.count % Math.max(voters.length, 1);
  const rotated = [...voters.slice(offset), ...voters.slice(0, offset)];
  for (const [index, userId] of rotated.slice(0, agree + disagree).entries()) {
    const stance = index < agree ? 'agree' : 'disagree';
    await context.comments.putStance(context.tx, commentId, userId, stance, at);
  }

  if (agree + disagree > 0) {
    await context.comments.shiftCounts(context.tx, commentId, agree, disagree);
  }
}

function languageOf(text: string): string {
  const detected = detectLanguage(text);

  return detected === 'other' ? 'bg' : detected;
}
