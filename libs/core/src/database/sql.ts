import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

type Runner = { query(sql: string, params: unknown[]): Promise<unknown> };

/**
 * Queries outside transactions go to pg's pool straight: TypeORM's query runner around each one
 * cost more than the query itself on the hot reads (a comment page, the signed-in person).
 */
export function poolOf(dataSource: DataSource): Runner {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;

  return pool
    ? { query: async (sql, params) => (await pool.query(sql, params)).rows }
    : dataSource.manager;
}

/**
 * A connection that repositories run SQL on: the pool, or one transaction. Services hold it only to
 * pass it along, so the transaction boundary is a service decision while SQL stays in repositories.
 */
export class Sql {
  constructor(private readonly runner: Runner) {}

  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const raw: unknown = await this.runner.query(sql, params);
    // For UPDATE and DELETE TypeORM's postgres driver answers with [rows, affected count].
    if (isUpdateResult(raw)) return raw[0] as T[];

    return raw as T[];
  }

  async row<T>(sql: string, params: unknown[] = []): Promise<T | null> {
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

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new Sql(manager)));
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
