import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A query that PostgreSQL parses and plans once per connection and then reuses. Planning a
 * statement with CTEs or lateral joins costs more than running it, so the queries of every vote,
 * answer and signed-in request are prepared. Only fixed texts: every distinct text stays
 * prepared on every connection for the connection's life.
 */
export interface PreparedQuery {
  name: string;
  text: string;
}

export function prepared(text: string): PreparedQuery {
  return { name: `rz_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
}

type Query = string | PreparedQuery;
type Runner = { query(sql: Query, params: unknown[]): Promise<unknown> };

/** Runs queries on a pg pool or one of its connections, preparing the prepared ones. */
function pgRunner(target: Pick<Pool | PoolClient, 'query'>): Runner {
  return {
    query: async (sql, values) => {
      const config =
        typeof sql === 'string'
          ? { text: sql, values }
          : { name: sql.name, text: sql.text, values };

      return (await target.query(config)).rows;
    },
  };
}

/** An Sql on a pg pool of its own (the export child, the live fan-out). */
export function sqlOnPool(pool: Pool): Sql {
  return new Sql(pgRunner(pool));
}

function poolOfDataSource(dataSource: DataSource): Pool | undefined {
  return (dataSource.driver as unknown as { master?: Pool }).master;
}

/**
 * Queries outside transactions go to pg's pool straight: TypeORM's query runner around each one
 * cost more than the query itself on the hot reads (a comment page, the signed-in person).
 */
export function poolOf(dataSource: DataSource): Runner {
  const pool = poolOfDataSource(dataSource);

  return pool ? pgRunner(pool) : typeOrmRunner(dataSource.manager);
}

/** TypeORM's manager, which knows nothing of prepared statements: they run as plain text. */
function typeOrmRunner(manager: { query(sql: string, params: unknown[]): Promise<unknown> }) {
  return {
    query: (sql: Query, params: unknown[]) =>
      manager.query(typeof sql === 'string' ? sql : sql.text, params),
  };
}

/**
 * A connection that repositories run SQL on: the pool, or one transaction. Services hold it only to
 * pass it along, so the transaction boundary is a service decision while SQL stays in repositories.
 */
export class Sql {
  constructor(private readonly runner: Runner) {}

  async rows<T>(sql: Query, params: unknown[] = []): Promise<T[]> {
    const raw: unknown = await this.runner.query(sql, params);
    // For UPDATE and DELETE TypeORM's postgres driver answers with [rows, affected count].
    if (isUpdateResult(raw)) return raw[0] as T[];

    return raw as T[];
  }

  async row<T>(sql: Query, params: unknown[] = []): Promise<T | null> {
    return (await this.rows<T>(sql, params))[0] ?? null;
  }
}

function isUpdateResult(raw: unknown): raw is [unknown[], number] {
  return (
    Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number'
  );
}

/** Runs work in one database transaction, or on the pool when atomicity is not needed. */
export class Database {
  readonly pool: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.pool = new Sql(poolOf(dataSource));
  }

  /**
   * On one of pg's pooled connections: BEGIN, the work, COMMIT; ROLLBACK when the work throws. A
   * connection whose rollback failed is closed rather than handed to the next caller.
   */
  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const pool = poolOfDataSource(this.dataSource);
    if (!pool) {
      return this.dataSource.transaction((manager) => work(new Sql(typeOrmRunner(manager))));
    }

    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(new Sql(pgRunner(client)));
      await client.query('COMMIT');

      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((failure: Error) => (broken = failure));
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

const uniqueViolation = '23505';
const deadlock = '40P01';

function hasCode(error: unknown, code: string): boolean {
  const failure = (error ?? {}) as { driverError?: { code?: string }; code?: string };

  return failure.code === code || failure.driverError?.code === code;
}

export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, uniqueViolation);
}

/** PostgreSQL chose this transaction to end a deadlock: it was rolled back whole, so it may run again. */
export function isDeadlock(error: unknown): boolean {
  return hasCode(error, deadlock);
}
