import type { DataSource, EntityManager } from 'typeorm';

/**
 * A connection that repositories run SQL on: the pool, or one transaction. Services hold it only to
 * pass it along, so the transaction boundary is a service decision while SQL stays in repositories.
 */
export class Sql {
  constructor(private readonly manager: EntityManager) {}

  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const raw: unknown = await this.manager.query(sql, params);
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
    this.pool = new Sql(dataSource.manager);
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new Sql(manager)));
  }
}

const uniqueViolation = '23505';

export function isUniqueViolation(error: unknown): boolean {
  const failure = (error ?? {}) as { driverError?: { code?: string }; code?: string };

  return failure.code === uniqueViolation || failure.driverError?.code === uniqueViolation;
}
