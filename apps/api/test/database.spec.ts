import { Database, prepared } from '@razgovor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';

describe('transactions and prepared queries on the pooled connections', () => {
  let system: TestSystem;
  let database: Database;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    database = system.api.get(Database);
    await database.pool.rows('CREATE TABLE IF NOT EXISTS tx_probe (id int PRIMARY KEY, note text)');
  });
  afterAll(async () => {
    await database.pool.rows('DROP TABLE IF EXISTS tx_probe');
    await system.stop();
  });

  it('keeps nothing of a failed transaction and frees its connection, many times', async () => {
    const attempts = Array.from({ length: 40 }, (_, index) =>
      database
        .transaction(async (tx) => {
          await tx.rows('INSERT INTO tx_probe (id, note) VALUES ($1, $2)', [index, 'half']);
          throw new Error(`refused ${index}`);
        })
        .catch((error: Error) => error.message),
    );

    // Forty failures on a pool of ten: a connection kept by a failure would stall the rest.
    const outcomes = await Promise.all(attempts);
    const written = await database.pool.rows('SELECT id FROM tx_probe');

    expect(outcomes).toEqual(Array.from({ length: 40 }, (_, index) => `refused ${index}`));
    expect(written).toEqual([]);
  });

  it('commits every statement of a transaction together, prepared ones included', async () => {
    const insert = prepared('INSERT INTO tx_probe (id, note) VALUES ($1, $2) RETURNING id');
    const count = prepared('SELECT count(*)::int AS count FROM tx_probe WHERE note = $1');

    const seen = await database.transaction(async (tx) => {
      await tx.rows(insert, [101, 'kept']);
      await tx.rows('INSERT INTO tx_probe (id, note) VALUES ($1, $2)', [102, 'kept']);
      const inside = await tx.row<{ count: number }>(count, ['kept']);
      const names = await tx.rows<{ name: string }>('SELECT name FROM pg_prepared_statements');

      return { inside: inside!.count, names: names.map((row) => row.name) };
    });

    expect(seen.inside).toBe(2);
    expect(seen.names).toEqual(expect.arrayContaining([insert.name, count.name]));
    expect(await database.pool.row(count, ['kept'])).toEqual({ count: 2 });
  });

  it('names the same text the same way and different texts differently', () => {
    expect(prepared('SELECT 1').name).toBe(prepared('SELECT 1').name);
    expect(prepared('SELECT 1').name).not.toBe(prepared('SELECT 2').name);
  });
});
