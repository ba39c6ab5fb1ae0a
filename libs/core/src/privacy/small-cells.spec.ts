import { describe, expect, it } from 'vitest';
import {
  hideSmallCells,
  type PeopleCell,
  protectBreakdown,
  protectCrossTable,
} from './small-cells';

const shown = (people: number): PeopleCell => ({ people });
const all = (cells: readonly unknown[]) => cells.map((_, index) => index);

/** Every way a reader can work out a sum from one line: the hidden cells' total. */
function recoverableSums(cells: readonly PeopleCell[], lines: number[][], hidden: boolean[]) {
  return lines.map((line) =>
    line.filter((index) => hidden[index]).reduce((sum, index) => sum + cells[index]!.people, 0),
  );
}

describe('hideSmallCells along one line with a known total', () => {
  it.each([
    { case: 'nothing small', people: [12, 7, 5], hidden: [false, false, false] },
    { case: 'zeros describe nobody', people: [12, 0, 5], hidden: [false, false, false] },
    {
      case: 'one small cell takes the next smallest with it',
      people: [12, 3, 7, 9],
      hidden: [false, true, true, false],
    },
    {
      case: 'two small cells adding up to under five take one more',
      people: [20, 1, 2, 6, 8],
      hidden: [false, true, true, true, false],
    },
    {
      case: 'two small cells adding up to five are enough',
      people: [20, 3, 2, 8],
      hidden: [false, true, true, false],
    },
    {
      case: 'a zero does not cover a small cell',
      people: [9, 4, 0],
      hidden: [true, true, false],
    },
    {
      case: 'a total under five hides every cell, zeros too',
      people: [3, 0, 0],
      hidden: [true, true, true],
    },
    {
      case: 'ties go to the first cell',
      people: [6, 2, 6],
      hidden: [true, true, false],
    },
  ])('$case', ({ people, hidden }) => {
    const cells = people.map(shown);

    expect(hideSmallCells(cells, [all(cells)])).toEqual(hidden);
  });

  it.each([
    { case: 'a small remainder alone needs no cover', people: [9, 8, 2], hidden: [false, false] },
    { case: 'a remainder of five covers a small cell', people: [9, 3, 5], hidden: [false, true] },
    { case: 'a small remainder does not', people: [9, 3, 1], hidden: [true, true] },
  ])('$case', ({ people, hidden }) => {
    const cells: PeopleCell[] = [
      ...people.slice(0, -1).map(shown),
      { people: people.at(-1)!, role: 'remainder' },
    ];

    expect(hideSmallCells(cells, [all(cells)]).slice(0, -1)).toEqual(hidden);
  });

  it('treats a small withheld cell like a hidden small one', () => {
    const cells: PeopleCell[] = [shown(5), { people: 1, role: 'withheld' }];

    expect(hideSmallCells(cells, [all(cells)])).toEqual([true, true]);
  });

  it('uses the threshold it is given', () => {
    const cells = [10, 9, 30].map(shown);

    expect(hideSmallCells(cells, [all(cells)], 10)).toEqual([true, true, false]);
  });
});

describe('hideSmallCells across rows and columns', () => {
  // A grid of groups by options, each row adding up to the group's size and each column to the
  // option's overall count: the shape of a poll broken down by district.
  function grid(rows: number[][]) {
    const width = rows[0]!.length;
    const cells = rows.flat().map(shown);
    const lines = [
      ...rows.map((_, r) => rows[r]!.map((__, c) => r * width + c)),
      ...rows[0]!.map((_, c) => rows.map((__, r) => r * width + c)),
    ];

    return { cells, lines };
  }

  it.each([
    {
      case: 'a small cell is covered in its row and its column',
      rows: [
        [20, 3, 9],
        [15, 8, 12],
        [30, 10, 11],
      ],
    },
    {
      case: 'several small cells in one column',
      rows: [
        [1, 9, 9],
        [2, 8, 7],
        [10, 10, 10],
        [9, 6, 3],
      ],
    },
    {
      case: 'a group of six where five chose one option',
      rows: [
        [5, 1],
        [20, 20],
      ],
    },
    {
      case: 'a small column total',
      rows: [
        [9, 1, 7],
        [8, 0, 9],
        [7, 0, 8],
      ],
    },
  ])('$case: no line gives away 1 to 4 people', ({ rows }) => {
    const { cells, lines } = grid(rows);

    const hidden = hideSmallCells(cells, lines);

    cells.forEach((cell, index) => {
      if (cell.people > 0 && cell.people < 5) expect(hidden[index]).toBe(true);
    });
    for (const [index, sum] of recoverableSums(cells, lines, hidden).entries()) {
      const total = lines[index]!.reduce((acc, cell) => acc + cells[cell]!.people, 0);
      expect(sum === 0 || sum >= 5 || sum === total).toBe(true);
    }
  });

  it('breaks a pattern that rows and columns pin down between them', () => {
    // Hiding a (small), b and c satisfies every line on its own, yet with a, b, c forming a chain
    // (a + b in row 0, a + c in column 0, and b and c each alone beside a shown cell elsewhere)
    // the equations fix a. The fix hides one more cell among the equations that reach a.
    const cells = [shown(3), shown(6), shown(6), shown(50)];
    const lines = [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
    ];

    const hidden = hideSmallCells(cells, lines);

    expect(hidden).toEqual([true, true, true, true]);
  });
});

describe('protectBreakdown', () => {
  it('publishes counts and nulls, the not-stated cell taking part like any other', () => {
    const counts = [
      { key: 'sredets', people: 40 },
      { key: 'vitosha', people: 3 },
      { key: 'lozenets', people: 6 },
      { key: 'mladost', people: 0 },
      { key: null, people: 11 },
    ];

    expect(protectBreakdown(counts)).toEqual([
      { key: 'sredets', people: 40 },
      { key: 'vitosha', people: null },
      { key: 'lozenets', people: null },
      { key: 'mladost', people: 0 },
      { key: null, people: 11 },
    ]);
  });

  it('leaves nothing to work out when everyone is in one small group', () => {
    expect(
      protectBreakdown([
        { key: 'vitosha', people: 4 },
        { key: 'sredets', people: 0 },
      ]),
    ).toEqual([
      { key: 'vitosha', people: null },
      { key: 'sredets', people: null },
    ]);
  });
});

describe('protectCrossTable', () => {
  /**
   * Everything a reader can work out from a published cross table, beside the total it comes
   * from: each shown group's hidden counts (and the people without a shown trait), each column's
   * hidden counts (and the people without it) against its overall count, the hidden groups
   * taken together. A total under five is public anyway, so only what it hides more matters.
   */
  function exposures(
    groups: number[],
    counts: number[][],
    isPartition: boolean,
    { groupHidden, countHidden }: ReturnType<typeof protectCrossTable>,
  ): { exposed: number; total: number }[] {
    const columns = counts[0]!.map((_, column) => column);
    const sum = (values: number[]) => values.reduce((acc, value) => acc + value, 0);
    const column = (pick: (group: number) => number, index: number) => ({
      exposed: sum(groups.map((_, group) => (countHidden[group]![index] ? pick(group) : 0))),
      total: sum(groups.map((_, group) => pick(group))),
    });
    const pool = {
      exposed: sum(groups.filter((_, group) => groupHidden[group])),
      total: sum(groups),
    };
    const fromColumns = columns.flatMap((index) => [
      column((group) => counts[group]![index]!, index),
      column((group) => groups[group]! - counts[group]![index]!, index),
    ]);
    const fromRows = groups.flatMap((size, group) => {
      if (groupHidden[group]) return [];
      const hiddenCounts = columns.filter((index) => countHidden[group]![index]);
      const shownRests = columns
        .filter((index) => !countHidden[group]![index])
        .map((index) => ({ exposed: size - counts[group]![index]!, total: size }));
      const rowRest = {
        exposed: sum(hiddenCounts.map((index) => counts[group]![index]!)),
        total: size,
      };

      return [...shownRests, ...(isPartition ? [rowRest] : [])];
    });

    return [pool, ...fromColumns, ...fromRows];
  }

  const tables: { case: string; counts: number[][]; isPartition: boolean }[] = [
    {
      case: 'a single choice by district',
      counts: [
        [12, 9, 4],
        [5, 1, 0],
        [2, 1, 0],
        [20, 15, 11],
        [3, 0, 0],
      ],
      isPartition: true,
    },
    {
      case: 'a group of six where five chose one option',
      counts: [
        [5, 1],
        [30, 12],
      ],
      isPartition: true,
    },
    {
      case: 'a multiple choice, where counts do not add up to the group',
      counts: [
        [6, 6, 2],
        [9, 9, 9],
        [14, 3, 10],
      ],
      isPartition: false,
    },
  ];

  // A fixed-seed generator, so a failure names a table that can be replayed.
  function randomTables(count: number) {
    let seed = 20261203;
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;

      return Math.floor((seed / 2147483648) * below);
    };

    return Array.from({ length: count }, (_, index) => {
      const groups = 2 + next(7);
      const columns = 2 + next(4);

      return {
        case: `random table ${index}`,
        counts: Array.from({ length: groups }, () =>
          Array.from({ length: columns }, () => (next(3) === 0 ? next(5) : next(30))),
        ),
        isPartition: next(2) === 0,
      };
    });
  }

  it.each([...tables, ...randomTables(150)])('$case: nothing counts 1 to 4 people', (table) => {
    const groups = table.isPartition
      ? table.counts.map((row) => row.reduce((sum, value) => sum + value, 0))
      : table.counts.map((row) => Math.max(...row) + 2);

    const result = protectCrossTable({
      groups,
      counts: table.counts,
      isPartition: table.isPartition,
    });

    groups.forEach((size, group) => {
      if (size > 0 && size < 5) expect(result.groupHidden[group]).toBe(true);
      if (result.groupHidden[group]) expect(result.countHidden[group]!.every(Boolean)).toBe(true);
      table.counts[group]!.forEach((people, column) => {
        const isShown = !result.countHidden[group]![column];
        if (isShown) expect(people === 0 || people >= 5).toBe(true);
      });
    });
    for (const { exposed, total } of exposures(groups, table.counts, table.isPartition, result)) {
      expect(exposed === 0 || exposed >= 5 || exposed === total).toBe(true);
    }
  });

  it('hides the five of six who chose an option, and the one who did not', () => {
    const result = protectCrossTable({
      groups: [6, 42],
      counts: [
        [5, 1],
        [30, 12],
      ],
      isPartition: true,
    });

    expect(result.groupHidden).toEqual([false, false]);
    expect(result.countHidden[0]).toEqual([true, true]);
  });
});
