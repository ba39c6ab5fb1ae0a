import { describe, expect, it } from 'vitest';
import { ResultSumsCache } from './result-sums-cache';
import type { ResultSums } from './tally';

function sums(respondents: number): ResultSums {
  return {
    overall: { respondents, items: [] },
    breakdowns: { district: new Map(), ageBand: new Map(), gender: new Map() },
  };
}

describe('ResultSumsCache', () => {
  function counted(cache: ResultSumsCache) {
    let loads = 0;
    const get = (id: string, answerSeq: number) =>
      cache.get({ id, answerSeq }, () => Promise.resolve(sums(++loads)));

    return { get, loads: () => loads };
  }

  it('adds up once for readers of the same answers, and again after an answer', async () => {
    const { get, loads } = counted(new ResultSumsCache());

    const [first, second] = await Promise.all([get('p', 3), get('p', 3)]);
    expect(first).toBe(second);
    expect(loads()).toBe(1);

    expect((await get('p', 4)).overall.respondents).toBe(2);
    // A reader whose read of the poll came before that answer gets the newer sums.
    expect((await get('p', 3)).overall.respondents).toBe(2);
    expect(loads()).toBe(2);
  });

  it('adds up again once a copy is older than its limit, as profiles may change', async () => {
    let now = 0;
    const { get, loads } = counted(new ResultSumsCache(10, 1_000, () => now));

    await get('p', 1);
    now = 999;
    await get('p', 1);
    now = 1_000;
    await get('p', 1);

    expect(loads()).toBe(2);
  });

  it('keeps no failure, and forgets the longest-kept poll beyond its capacity', async () => {
    const cache = new ResultSumsCache(2);
    await expect(
      cache.get({ id: 'p', answerSeq: 1 }, () => Promise.reject(new Error('down'))),
    ).rejects.toThrow('down');
    const { get, loads } = counted(cache);

    await get('p', 1);
    await get('q', 1);
    await get('r', 1);
    await get('q', 1);
    await get('p', 1);

    expect(loads()).toBe(4);
  });
});
