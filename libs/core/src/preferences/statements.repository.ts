import type { StatementState, StatementVote } from '@razgovor/contracts';
import { prepared, type Sql } from '../database/sql';
import {
  type Participation,
  participationSql,
  takeParticipation,
  type WithParticipation,
} from '../moderation/participation';

export interface StatementRecord {
  id: string;
  conversationId: string;
  authorId: string;
  body: string;
  language: string;
  state: StatementState;
  holdReason: string | null;
  agree: number;
  disagree: number;
  pass: number;
  myVote: StatementVote | null;
  /** Since when open flags wait for a facilitator; null when none do. */
  flaggedAt: Date | null;
  createdAt: Date;
}

export interface StoredMap {
  number: number;
  inputVoteSeq: number;
  voters: number;
  placed: number;
  result: MapResult;
  createdAt: Date;
}

/** What a map run stores: the library's output with statement and person ids. */
export interface MapResult {
  groups: Array<{
    id: number;
    size: number;
    centroid: number[];
    representative: Array<{
      statementId: string;
      direction: 'agree' | 'disagree';
      /** Of the group voting this way. */
      share: number;
    }>;
  }>;
  consensus: Array<{ statementId: string; direction: 'agree' | 'disagree'; score: number }>;
  divisive: Array<{ statementId: string; agreeByGroup: number[] }>;
  /** Person id, x, y, group id (null when placed but not grouped). */
  placements: Array<[string, number, number, number | null]>;
}

/** What deciding whether a person may vote on a statement needs, read in one round trip. */
export interface VoteContext extends Participation {
  record: StatementRecord;
}

export interface VoteCounts {
  agree: number;
  disagree: number;
  pass: number;
}

const voteValue: Record<StatementVote, number> = { agree: 1, disagree: -1, pass: 0 };

/** Rows the vote counter of a conversation is spread over (see the migration that made them). */
const counterShards = 16;

/** A voter's shard of the counter: any stable spread of people over the shards will do. */
export function counterShard(userId: string): number {
  return Number.parseInt(userId.slice(-4), 16) % counterShards;
}

const voteNames = `CASE v.vote WHEN 1 THEN 'agree' WHEN -1 THEN 'disagree' WHEN 0 THEN 'pass' END`;

const columns = `s.id, s.conversation_id AS "conversationId", s.author_id AS "authorId", s.body,
  s.language, s.state, s.hold_reason AS "holdReason", s.agree_count AS agree,
  s.disagree_count AS disagree, s.pass_count AS pass, s.flagged_at AS "flaggedAt",
  s.created_at AS "createdAt"`;

const voteForParticipation = participationSql('s.conversation_id', '$2', '$3');

const statementForVote = prepared(
  `SELECT ${columns},
          (SELECT ${voteNames} FROM statement_votes v
            WHERE v.statement_id = s.id AND v.user_id = $2) AS "myVote",
          ${voteForParticipation.columns}
     FROM statements s ${voteForParticipation.join}
    WHERE s.id = $1`,
);

/** See `vote`. */
const voteStatement = prepared(
  `WITH previous AS (
     SELECT vote FROM statement_votes WHERE statement_id = $1 AND user_id = $2 FOR UPDATE),
   replaced AS (
     UPDATE statement_votes SET vote = $4, updated_at = $5
      WHERE statement_id = $1 AND user_id = $2 AND EXISTS (SELECT 1 FROM previous)
     RETURNING (SELECT vote FROM previous) AS old),
   added AS (
     INSERT INTO statement_votes (statement_id, user_id, conversation_id, vote, created_at,
                                  updated_at)
     SELECT $1::uuid, $2::uuid, $3::uuid, $4::smallint, $5::timestamptz, $5
      WHERE NOT EXISTS (SELECT 1 FROM previous)
     ON CONFLICT (statement_id, user_id) DO NOTHING
     RETURNING NULL::smallint AS old),
   stored AS (SELECT old FROM replaced UNION ALL SELECT old FROM added),
   moved AS (
     UPDATE statements s
        SET agree_count = s.agree_count + ($4 = 1)::int
              - (stored.old IS NOT DISTINCT FROM 1)::int,
            disagree_count = s.disagree_count + ($4 = -1)::int
              - (stored.old IS NOT DISTINCT FROM -1)::int,
            pass_count = s.pass_count + ($4 = 0)::int
              - (stored.old IS NOT DISTINCT FROM 0)::int
       FROM stored
      WHERE s.id = $1
     RETURNING s.agree_count AS agree, s.disagree_count AS disagree, s.pass_count AS pass),
   counted AS (
     INSERT INTO opinion_counters (conversation_id, shard, vote_seq)
     SELECT $3, $6, 1 FROM stored
     ON CONFLICT (conversation_id, shard)
       DO UPDATE SET vote_seq = opinion_counters.vote_seq + 1)
   SELECT agree, disagree, pass FROM moved`,
);

export class StatementsRepository {
  constructor(private readonly pool: Sql) {}

  async insert(
    tx: Sql,
    statement: Pick<
      StatementRecord,
      'conversationId' | 'authorId' | 'body' | 'language' | 'state' | 'holdReason'
    >,
    now: Date,
  ): Promise<string> {
    const row = await tx.row<{ id: string }>(
      `INSERT INTO statements (conversation_id, author_id, body, language, state, hold_reason,
                               created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        statement.conversationId,
        statement.authorId,
        statement.body,
        statement.language,
        statement.state,
        statement.holdReason,
        now,
      ],
    );

    return row!.id;
  }

  find(id: string, viewerId: string | null, tx: Sql = this.pool): Promise<StatementRecord | null> {
    return tx.row<StatementRecord>(
      `SELECT ${columns},
              (SELECT ${voteNames} FROM statement_votes v
                WHERE v.statement_id = s.id AND v.user_id = $2) AS "myVote"
         FROM statements s WHERE s.id = $1`,
      [id, viewerId],
    );
  }

  /** The statement with the voter's vote, and whether the voter may take part. */
  async findForVote(id: string, userId: string, now: Date): Promise<VoteContext | null> {
    const row = await this.pool.row<WithParticipation<StatementRecord>>(statementForVote, [
      id,
      userId,
      now,
    ]);
    if (!row) return null;
    const { participation: taken, rest } = takeParticipation(row);

    return { record: rest, ...taken };
  }

  list(conversationId: string, state: StatementState, viewerId: string | null) {
    return this.pool.rows<StatementRecord>(
      `SELECT ${columns},
              (SELECT ${voteNames} FROM statement_votes v
                WHERE v.statement_id = s.id AND v.user_id = $3) AS "myVote"
         FROM statements s
        WHERE s.conversation_id = $1 AND s.state = $2
        ORDER BY s.created_at, s.id`,
      [conversationId, state, viewerId],
    );
  }

  /** The published statement with the fewest votes that the person has not voted on. */
  async next(conversationId: string, userId: string) {
    const row = await this.pool.row<{ id: string | null; remaining: number; voted: number }>(
      `WITH open AS (
         SELECT s.id, s.agree_count + s.disagree_count + s.pass_count AS votes, s.created_at
           FROM statements s
          WHERE s.conversation_id = $1 AND s.state = 'published'
            AND NOT EXISTS (SELECT 1 FROM statement_votes v
                             WHERE v.statement_id = s.id AND v.user_id = $2))
       SELECT (SELECT id FROM open ORDER BY votes, created_at, id LIMIT 1) AS id,
              (SELECT count(*)::int FROM open) AS remaining,
              (SELECT count(*)::int FROM statement_votes v
                 JOIN statements s ON s.id = v.statement_id AND s.state = 'published'
                WHERE v.conversation_id = $1 AND v.user_id = $2) AS voted`,
      [conversationId, userId],
    );

    return row!;
  }

  /**
   * Stores a vote, moves the statement's counters and the conversation's vote counter, and returns
   * the statement's counts, in one statement (so one round trip, and atomic without a transaction
   * of its own). Null when nothing was written: a first vote of the same person on the same
   * statement was stored meanwhile, and the caller tries again, now replacing that one.
   *
   * Locks are taken in one order by every vote: the person's vote row (the earlier vote, or the
   * new row's key), then the statement, then the counter shard; the statement's UPDATE joins the
   * stored vote, so it cannot run before the vote is written.
   */
  async vote(
    tx: Sql,
    statement: { id: string; conversationId: string },
    userId: string,
    vote: StatementVote,
    now: Date,
  ): Promise<VoteCounts | null> {
    return tx.row<VoteCounts>(voteStatement, [
      statement.id,
      userId,
      statement.conversationId,
      voteValue[vote],
      now,
      counterShard(userId),
    ]);
  }

  /** Stores many first votes at once (demo data, imports) and recounts the statements. */
  async insertVotes(
    tx: Sql,
    conversationId: string,
    votes: Array<{ statementId: string; userId: string; vote: StatementVote; at: Date }>,
  ): Promise<void> {
    await tx.rows(
      `INSERT INTO statement_votes (statement_id, user_id, conversation_id, vote, created_at,
                                    updated_at)
       SELECT v.statement_id, v.user_id, $1, v.vote, v.at, v.at
         FROM unnest($2::uuid[], $3::uuid[], $4::smallint[], $5::timestamptz[])
           AS v (statement_id, user_id, vote, at)`,
      [
        conversationId,
        votes.map((vote) => vote.statementId),
        votes.map((vote) => vote.userId),
        votes.map((vote) => voteValue[vote.vote]),
        votes.map((vote) => vote.at),
      ],
    );
    await tx.rows(
      `UPDATE statements s
          SET agree_count = c.agree, disagree_count = c.disagree, pass_count = c.pass
         FROM (SELECT statement_id, count(*) FILTER (WHERE vote = 1) AS agree,
                      count(*) FILTER (WHERE vote = -1) AS disagree,
                      count(*) FILTER (WHERE vote = 0) AS pass
                 FROM statement_votes WHERE conversation_id = $1 GROUP BY statement_id) c
        WHERE s.id = c.statement_id`,
      [conversationId],
    );
    await tx.rows(
      `INSERT INTO opinion_counters (conversation_id, shard, vote_seq) VALUES ($1, 0, $2)
       ON CONFLICT (conversation_id, shard) DO UPDATE
         SET vote_seq = opinion_counters.vote_seq + EXCLUDED.vote_seq`,
      [conversationId, votes.length],
    );
  }

  async decide(
    tx: Sql,
    id: string,
    state: StatementState,
    userId: string,
    now: Date,
  ): Promise<void> {
    await tx.rows(
      `UPDATE statements SET state = $2, decided_by = $3, decided_at = $4 WHERE id = $1`,
      [id, state, userId, now],
    );
    // Votes on a statement that leaves or joins the published set change what a map reads.
    await tx.rows(
      `INSERT INTO opinion_counters (conversation_id, shard, vote_seq)
       SELECT conversation_id, 0, 1 FROM statements WHERE id = $1
       ON CONFLICT (conversation_id, shard) DO UPDATE SET vote_seq = opinion_counters.vote_seq + 1`,
      [id],
    );
  }

  /** How many votes were ever written in the conversation: the sum over the counter's shards. */
  async voteSeq(tx: Sql, conversationId: string): Promise<number> {
    const row = await tx.row<{ seq: string | null }>(
      'SELECT sum(vote_seq) AS seq FROM opinion_counters WHERE conversation_id = $1',
      [conversationId],
    );

    return Number(row?.seq ?? 0);
  }

  /** Every vote on a published statement, in a stable order. */
  votes(tx: Sql, conversationId: string) {
    return tx.rows<{ userId: string; statementId: string; vote: number }>(
      `SELECT v.user_id AS "userId", v.statement_id AS "statementId", v.vote
         FROM statement_votes v
         JOIN statements s ON s.id = v.statement_id AND s.state = 'published'
        WHERE v.conversation_id = $1
        ORDER BY v.user_id, v.statement_id`,
      [conversationId],
    );
  }

  latestMap(conversationId: string, tx: Sql = this.pool): Promise<StoredMap | null> {
    return tx.row<StoredMap>(
      `SELECT number, input_vote_seq::float8 AS "inputVoteSeq", voters, placed, result,
              created_at AS "createdAt"
         FROM opinion_maps WHERE conversation_id = $1 ORDER BY number DESC LIMIT 1`,
      [conversationId],
    );
  }

  /** Stores a map unless one was already drawn from the same input; returns its number or null. */
  async insertMap(
    tx: Sql,
    conversationId: string,
    map: Omit<StoredMap, 'number' | 'createdAt'> & {
      statementCount: number;
      parameters: unknown;
      durationMs: number;
    },
    now: Date,
  ): Promise<number | null> {
    const row = await tx.row<{ number: number }>(
      `INSERT INTO opinion_maps (conversation_id, number, input_vote_seq, voters, placed,
                                 statement_count, parameters, result, duration_ms, created_at)
       VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM opinion_maps
                     WHERE conversation_id = $1),
               $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (conversation_id, input_vote_seq) DO NOTHING
       RETURNING number`,
      [
        conversationId,
        map.inputVoteSeq,
        map.voters,
        map.placed,
        map.statementCount,
        JSON.stringify(map.parameters),
        JSON.stringify(map.result),
        map.durationMs,
        now,
      ],
    );

    return row?.number ?? null;
  }

  /** Stores a person's flag; false when they had already flagged the statement. */
  async addFlag(
    tx: Sql,
    flag: {
      statementId: string;
      conversationId: string;
      userId: string;
      reason: string;
      text: string | null;
      weight: number;
    },
    now: Date,
  ): Promise<boolean> {
    const row = await tx.row<{ id: string }>(
      `INSERT INTO statement_flags (statement_id, conversation_id, user_id, reason, text, weight,
                                    created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (statement_id, user_id) DO NOTHING RETURNING id`,
      [
        flag.statementId,
        flag.conversationId,
        flag.userId,
        flag.reason,
        flag.text,
        flag.weight,
        now,
      ],
    );
    if (!row) return false;
    await tx.rows(
      `UPDATE statements SET flag_weight = flag_weight + $2, flagged_at = coalesce(flagged_at, $3)
        WHERE id = $1`,
      [flag.statementId, flag.weight, now],
    );

    return true;
  }

  /** Settles the statement's open flags; it leaves the queue. Returns how many were open. */
  async settleFlags(
    tx: Sql,
    statementId: string,
    outcome: 'upheld' | 'rejected',
    now: Date,
  ): Promise<number> {
    const settled = await tx.rows(
      `UPDATE statement_flags SET outcome = $2, decided_at = $3
        WHERE statement_id = $1 AND outcome = 'open' RETURNING id`,
      [statementId, outcome, now],
    );
    await tx.rows('UPDATE statements SET flag_weight = 0, flagged_at = NULL WHERE id = $1', [
      statementId,
    ]);

    return settled.length;
  }

  /** Held statements and published ones with open flags, the longest waiting first. */
  queue(conversationId: string) {
    return this.pool.rows<
      StatementRecord & {
        flagCount: number;
        flagWeight: number;
        flags: Array<{ reason: string; text: string | null; createdAt: string }>;
      }
    >(
      `SELECT ${columns}, NULL AS "myVote", s.flag_weight AS "flagWeight",
              (SELECT count(*)::int FROM statement_flags f
                WHERE f.statement_id = s.id AND f.outcome = 'open') AS "flagCount",
              coalesce((SELECT json_agg(json_build_object('reason', f.reason, 'text', f.text,
                                 'createdAt', f.created_at) ORDER BY f.created_at)
                          FROM statement_flags f
                         WHERE f.statement_id = s.id AND f.outcome = 'open'), '[]') AS flags
         FROM statements s
        WHERE s.conversation_id = $1
          AND (s.state = 'pending' OR (s.state = 'published' AND s.flagged_at IS NOT NULL))
        ORDER BY coalesce(s.flagged_at, s.created_at), s.id`,
      [conversationId],
    );
  }

  bodies(ids: string[]) {
    return this.pool.rows<{ id: string; body: string }>(
      'SELECT id, body FROM statements WHERE id = ANY($1::uuid[])',
      [ids],
    );
  }
}
