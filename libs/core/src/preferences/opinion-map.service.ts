import { Logger } from '@nestjs/common';
import type { OpinionMap } from '@razgovor/contracts';
import { findOpinionGroups, VoteMatrixBuilder, type Vote } from '@razgovor/opinions';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Database, Sql } from '../database/sql';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository } from '../events/events.repository';
import type { MapResult, StatementsRepository } from './statements.repository';

/** Settings of every map run; stored with the run so that it can be reproduced. */
export const mapParameters = { seed: 1, minVotes: 7, minGroups: 2, maxGroups: 5 } as const;

/** Draws opinion maps from statement votes, and shows the latest one. */
export class OpinionMapService {
  private readonly logger = new Logger(OpinionMapService.name);

  constructor(
    private readonly database: Database,
    private readonly statements: StatementsRepository,
    private readonly conversations: ConversationsService,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
  ) {}

  /**
   * Draws a map from the votes as they are now, unless one was drawn from the same votes. The
   * vote counter is read before the votes, so it never claims a vote the run did not see: a vote
   * written meanwhile raises the counter past the stored one and its own job draws again. A
   * retried or repeated job finds its counter stored and writes nothing. Returns the map number.
   */
  async draw(conversationId: string): Promise<number | null> {
    const started = Date.now();
    const outcome = await this.database.transaction(async (tx) => {
      const now = this.clock.now();
      const drawn = await drawOpinionMap(tx, this.statements, conversationId, now);
      if (!drawn) return null;
      const seq = await this.events.append(
        tx,
        conversationId,
        [
          {
            type: 'opinion_map.updated',
            payload: { conversationId, run: drawn.number, placed: drawn.placed },
            topicId: null,
            audience: 'public',
          },
        ],
        now,
      );

      return { ...drawn, seq };
    });
    if (!outcome) return null;

    this.notices.publish(conversationId, outcome.seq);
    this.logger.log(
      `Drew opinion map ${outcome.number} of conversation ${conversationId}: ` +
        `${outcome.placed} placed in ${outcome.groups} groups`,
      { conversationId, run: outcome.number, durationMs: Date.now() - started },
    );

    return outcome.number;
  }

  async get(viewer: User | null, conversationId: string): Promise<OpinionMap> {
    const conversation = await this.conversations.load(viewer, conversationId);
    const stored = await this.statements.latestMap(conversation.id);
    if (!stored) {
      return {
        conversationId: conversation.id,
        run: null,
        computedAt: null,
        voters: 0,
        placed: 0,
        groups: [],
        consensus: [],
        divisive: [],
        points: [],
        me: null,
        statements: [],
      };
    }

    const { result } = stored;
    const ids = new Set([
      ...result.groups.flatMap((group) => group.representative.map((item) => item.statementId)),
      ...result.consensus.map((item) => item.statementId),
      ...result.divisive.map((item) => item.statementId),
    ]);
    const mine = viewer ? result.placements.find(([person]) => person === viewer.id) : undefined;

    return {
      conversationId: conversation.id,
      run: stored.number,
      computedAt: stored.createdAt.toISOString(),
      voters: stored.voters,
      placed: stored.placed,
      groups: result.groups.map(({ id, size, representative }) => ({ id, size, representative })),
      consensus: result.consensus,
      divisive: result.divisive,
      points: result.placements.map(([, x, y, group]) => ({ x, y, group })),
      me: mine ? { x: mine[1], y: mine[2], group: mine[3] } : null,
      statements: await this.statements.bodies([...ids]),
    };
  }
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Draws and stores a map from the votes as they are now, unless one was drawn from the same
 * votes (see OpinionMapService.draw); run inside the caller's transaction, which it serialises
 * with other runs of the conversation.
 */
export async function drawOpinionMap(
  tx: Sql,
  statements: StatementsRepository,
  conversationId: string,
  now: Date,
): Promise<{ number: number; placed: number; groups: number } | null> {
  const started = Date.now();
  // One run per conversation at a time; a second waits and then finds its input drawn.
  await tx.rows('SELECT pg_advisory_xact_lock(hashtext($1))', [`opinion-map:${conversationId}`]);
  const inputVoteSeq = await statements.voteSeq(tx, conversationId);
  const previous = await statements.latestMap(conversationId, tx);
  if (inputVoteSeq === 0 || previous?.inputVoteSeq === inputVoteSeq) return null;

  const builder = new VoteMatrixBuilder();
  for (const vote of await statements.votes(tx, conversationId)) {
    builder.add(vote.userId, vote.statementId, vote.vote as Vote);
  }

  const matrix = builder.build();
  if (matrix.participants.length < mapParameters.minGroups) return null;
  const found = findOpinionGroups(matrix, {
    ...mapParameters,
    previousGroups: previous?.result.groups.map(({ id, centroid }) => ({ id, centroid })),
  });
  const result: MapResult = {
    groups: found.groups.map((group) => ({
      id: group.id,
      size: group.size,
      centroid: group.centroid,
      representative: group.representative.map((item) => ({
        statementId: item.statement,
        direction: item.direction,
        share: round(item.probability),
      })),
    })),
    consensus: found.consensus.map((item) => ({
      statementId: item.statement,
      direction: item.direction,
      score: round(item.score),
    })),
    divisive: found.divisive.map((item) => ({
      statementId: item.statement,
      agreeByGroup: item.agree.map(round),
    })),
    placements: matrix.participants.flatMap((person, index) => {
      const place = found.map[index];

      return place
        ? [[person, round(place[0]), round(place[1]), found.assignments[index] ?? null]]
        : [];
    }) as MapResult['placements'],
  };
  const number = await statements.insertMap(
    tx,
    conversationId,
    {
      inputVoteSeq,
      voters: matrix.participants.length,
      placed: found.placed,
      statementCount: matrix.statements.length,
      parameters: mapParameters,
      result,
      durationMs: Date.now() - started,
    },
    now,
  );

  return number === null ? null : { number, placed: found.placed, groups: found.groups.length };
}
