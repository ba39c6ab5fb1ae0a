import { describe, expect, it } from 'vitest';
import type { Respondent } from './poll.records';
import { pollResults, suppressSmallCells, tallyAnswers } from './tally';

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
  it('hides a group under five people and any count under five in a larger one', () => {
    const poll = { id: 'p', kind: 'scale' as const, optionIds: [] };
    const tally = tallyAnswers(
      poll,
      [5, 5, 5, 5, 5, 1].map((value, index) => person(String(index), [{ optionId: null, value }])),
    );

    expect(suppressSmallCells(tally)?.scale).toEqual([null, null, null, null, 5]);
    expect(suppressSmallCells({ ...tally, respondents: 4 })).toBeNull();
  });

  it('orders breakdown groups as the profile lists them, people who did not say last', () => {
    const poll = { id: 'p', kind: 'single' as const, optionIds: ['a'] };
    const answers = [
      person('1', [{ optionId: 'a', value: 1 }], null),
      person('2', [{ optionId: 'a', value: 1 }], 'vitosha'),
      person('3', [{ optionId: 'a', value: 1 }], 'sredets'),
    ];

    const groups = pollResults(poll, answers).breakdowns.district;

    expect(groups.map((group) => group.value)).toEqual(['sredets', 'vitosha', null]);
    expect(groups.every((group) => group.suppressed)).toBe(true);
  });
});
