import { describe, expect, it } from 'vitest';
import type { Respondent } from './poll.records';
import { pollResults, tallyAnswers } from './tally';
import { resultSumsOf } from './testing/result-sums';

function person(userId: string, items: Respondent['items'], district: string | null = null) {
  return { userId, district, ageBand: null, gender: null, items } as Respondent;
}

describe('tallyAnswers', () => {
  it('counts first places and averages ranks in a ranking', () => {
    const poll = { id: 'p', kind: 'ranking' as const, optionIds: ['a', 'b', 'c'] };
    const answers = [
      person('1', [
        { optionId: 'a', value: 1 },
        { optionId: 'b', value: 2 },
        { optionId: 'c', value: 3 },
      ]),
      person('2', [
        { optionId: 'b', value: 1 },
        { optionId: 'a', value: 2 },
        { optionId: 'c', value: 3 },
      ]),
    ];

    expect(tallyAnswers(poll, answers).options).toEqual([
      { optionId: 'a', count: 1, mean: 1.5 },
      { optionId: 'b', count: 1, mean: 1.5 },
      { optionId: 'c', count: 0, mean: 3 },
    ]);
  });

  it('averages a budget split over everyone, counting an option left out as nothing', () => {
    const poll = { id: 'p', kind: 'budget' as const, optionIds: ['a', 'b'] };
    const answers = [
      person('1', [{ optionId: 'a', value: 100 }]),
      person('2', [
        { optionId: 'a', value: 40 },
        { optionId: 'b', value: 60 },
      ]),
    ];

    expect(tallyAnswers(poll, answers).options).toEqual([
      { optionId: 'a', count: 2, mean: 70 },
      { optionId: 'b', count: 1, mean: 30 },
    ]);
  });

  it('spreads a scale over its five values with the mean', () => {
    const poll = { id: 'p', kind: 'scale' as const, optionIds: [] };
    const values = [1, 5, 5, 4];
    const answers = values.map((value, index) =>
      person(String(index), [{ optionId: null, value }]),
    );

    const tally = tallyAnswers(poll, answers);

    expect(tally.scale).toEqual([1, 0, 0, 1, 2]);
    expect(tally.mean).toBe(3.75);
  });
});

describe('small cells', () => {
  const scalePoll = { id: 'p', kind: 'scale' as const, optionIds: [] };
  const single = { id: 'p', kind: 'single' as const, optionIds: ['a', 'b', 'c'] };
  const choose = (optionId: string) => [{ optionId, value: 1 }];

  /** `people` respondents of one district, choosing options in the given numbers. */
  function district(name: string | null, counts: Record<string, number>) {
    return Object.entries(counts).flatMap(([optionId, count]) =>
      Array.from({ length: count }, (_, index) =>
        person(`${name}-${optionId}-${index}`, choose(optionId), name),
      ),
    );
  }

  it('hides a whole scale when five of six gave one value, as the sixth would show', () => {
    const answers = [5, 5, 5, 5, 5, 1].map((value, index) =>
      person(String(index), [{ optionId: null, value }], 'sredets'),
    );
    const others = Array.from({ length: 20 }, (_, index) =>
      person(`o${index}`, [{ optionId: null, value: 3 }], 'lozenets'),
    );

    const groups = pollResults(scalePoll, resultSumsOf([...answers, ...others])).breakdowns
      .district;

    expect(groups.find((group) => group.value === 'sredets')?.tally?.scale).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('orders breakdown groups as the profile lists them, people who did not say last', () => {
    const poll = { id: 'p', kind: 'single' as const, optionIds: ['a'] };
    const answers = [
      person('1', [{ optionId: 'a', value: 1 }], null),
      person('2', [{ optionId: 'a', value: 1 }], 'vitosha'),
      person('3', [{ optionId: 'a', value: 1 }], 'sredets'),
    ];

    const groups = pollResults(poll, resultSumsOf(answers)).breakdowns.district;

    expect(groups.map((group) => group.value)).toEqual(['sredets', 'vitosha', null]);
    expect(groups.every((group) => group.suppressed)).toBe(true);
  });

  it.each([
    {
      case: 'one small district hides the next smallest too',
      districts: { sredets: { a: 10, b: 10 }, vitosha: { a: 2 }, lozenets: { a: 4, b: 3 } },
      suppressed: ['lozenets', 'vitosha'],
    },
    {
      case: 'a small not-stated group is covered like a district',
      districts: { sredets: { a: 10, b: 10 }, lozenets: { a: 6, b: 6 }, null: { a: 3 } },
      suppressed: ['lozenets', null],
    },
    {
      case: 'nothing small, nothing hidden',
      districts: { sredets: { a: 10, b: 10 }, lozenets: { a: 6, b: 6 } },
      suppressed: [],
    },
  ])('$case', ({ districts, suppressed }) => {
    const answers = Object.entries(districts).flatMap(([name, counts]) =>
      district(name === 'null' ? null : name, counts),
    );

    const groups = pollResults(single, resultSumsOf(answers)).breakdowns.district;

    expect(groups.filter((group) => group.suppressed).map((group) => group.value)).toEqual(
      suppressed,
    );
  });

  it('leaves no option count that subtraction along a row or a column brings under 5', () => {
    const answers = [
      ...district('sredets', { a: 12, b: 9, c: 4 }),
      ...district('lozenets', { a: 5, b: 1 }),
      ...district('mladost', { a: 20, b: 15, c: 11 }),
    ];

    const results = pollResults(single, resultSumsOf(answers));
    const groups = results.breakdowns.district.map((group) => group.tally!);

    single.optionIds.forEach((_, column) => {
      const shown = groups.map((tally) => tally.options[column]!.count);
      const rest =
        results.overall.options[column]!.count! -
        shown.reduce<number>((sum, count) => sum + (count ?? 0), 0);
      expect(rest === 0 || rest >= 5).toBe(true);
    });
    for (const tally of groups) {
      const rest =
        tally.respondents - tally.options.reduce((sum, option) => sum + (option.count ?? 0), 0);
      expect(rest === 0 || rest >= 5).toBe(true);
      for (const option of tally.options) {
        if (option.count !== null)
          expect(tally.respondents - option.count).not.toBeOneOf([1, 2, 3, 4]);
      }
    }
  });
});
