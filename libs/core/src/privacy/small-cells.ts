/** No published figure, and no figure that follows from published ones, describes fewer people. */
export const smallestGroup = 5;

/**
 * One count of people in a published table.
 * - `shown`: published unless it has to be hidden;
 * - `withheld`: never published yet still describes people who must not be singled out, such as
 *   the members of a hidden group, or the people of a group who did not pick an option;
 * - `remainder`: never published and harmless on its own, such as the people who did not say
 *   where they live, whose rows an export leaves blank like the hidden ones.
 */
export interface PeopleCell {
  people: number;
  role?: 'shown' | 'withheld' | 'remainder';
}

/**
 * Cells, by index, whose sum readers know or can work out: a total printed beside them, the
 * number of rows an export leaves blank, the size of the group they split.
 */
export type CellLine = readonly number[];

/**
 * Decides which cells of a table to hide, primary and complementary, so that neither a published
 * count nor any subtraction along a line (total minus the cells shown) gives 1 to 4 people.
 *
 * Primary: every shown cell of 1 to `threshold - 1` people. Complementary, repeated until stable:
 * - a line whose hidden cells add up to 1 to `threshold - 1` people (and hide someone) loses its
 *   smallest shown non-empty cell, so the amount readers can work out is at least `threshold`;
 * - a line whose whole total is under `threshold` hides every cell, zeros included, as a zero
 *   beside a total would give the other cells away;
 * - a small cell that the lines pin down exactly (as in a table where rows and columns both add
 *   up) loses the smallest shown cell that shares a line with it.
 * Zeros stay shown otherwise: they describe nobody. Returns true for each cell not to publish.
 */
export function hideSmallCells(
  cells: readonly PeopleCell[],
  lines: readonly CellLine[],
  threshold = smallestGroup,
): boolean[] {
  const isSmall = (index: number) => cells[index]!.people > 0 && cells[index]!.people < threshold;
  const isSensitive = (index: number) => isSmall(index) && cells[index]!.role !== 'remainder';
  const hidden = cells.map((cell, index) => (cell.role ?? 'shown') !== 'shown' || isSmall(index));
  const people = (line: CellLine) => line.reduce((sum, index) => sum + cells[index]!.people, 0);

  // A zero covers nothing in its own line, but hiding it can stop a line beside it giving away
  // its counterpart (the people of a group who did not pick an option), so it comes last.
  const hideSmallestShown = (candidates: readonly number[], mayHideZero = false): boolean => {
    const open = candidates.filter((index) => !hidden[index]);
    const positive = open.filter((index) => cells[index]!.people > 0);
    const shown = positive.length > 0 || !mayHideZero ? positive : open;
    if (shown.length === 0) return false;
    const smallest = shown.reduce((best, index) =>
      cells[index]!.people < cells[best]!.people ? index : best,
    );
    hidden[smallest] = true;

    return true;
  };

  // Hidden cells that no single subtraction reveals; a line's unknown people are what it hides.
  const unknownCells = () => {
    const isUnknown = [...hidden];
    for (let changed = true; changed;) {
      changed = false;
      for (const line of lines) {
        const open = line.filter((index) => isUnknown[index]);
        if (open.length !== 1) continue;
        isUnknown[open[0]!] = false;
        changed = true;
      }
    }

    return isUnknown;
  };

  const protectLine = (line: CellLine, isUnknown: readonly boolean[]): boolean => {
    const total = people(line);
    if (total > 0 && total < threshold) {
      const shown = line.filter((index) => !hidden[index]);
      for (const index of shown) hidden[index] = true;

      return shown.length > 0;
    }

    const unknown = line.filter((index) => isUnknown[index]);
    const pool = people(unknown);
    const isExposed = pool > 0 && pool < threshold && unknown.some(isSensitive);

    if (!isExposed) return false;

    // A line of withheld cells is covered by hiding a shown cell that gives one of them away.
    const givenAway = line.filter((index) => hidden[index] && !isUnknown[index]);

    return (
      hideSmallestShown(line) ||
      hideSmallestShown(lines.filter((other) => other.some((i) => givenAway.includes(i))).flat()) ||
      hideSmallestShown(linked(line[0]!, hidden, lines).flat(), true)
    );
  };

  for (;;) {
    let changed = false;
    let isUnknown = unknownCells();
    for (const line of lines) {
      if (!protectLine(line, isUnknown)) continue;
      changed = true;
      isUnknown = unknownCells();
    }

    if (changed) continue;

    const pinned = pinnedCells(hidden, lines).filter(isSensitive);
    const widened = pinned.some(
      (index) =>
        hideSmallestShown(lines.filter((line) => line.includes(index)).flat()) ||
        hideSmallestShown(linked(index, hidden, lines).flat(), true),
    );
    if (!widened) return hidden;
  }
}

/** The lines reachable from a cell through hidden cells: the equations that pin it down. */
function linked(start: number, hidden: readonly boolean[], lines: readonly CellLine[]): CellLine[] {
  const reached = new Set([start]);
  const found = new Set<CellLine>();
  let frontier = [start];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const line of lines) {
      if (found.has(line) || !frontier.some((cell) => line.includes(cell))) continue;
      found.add(line);
      for (const cell of line) {
        if (hidden[cell] && !reached.has(cell)) {
          reached.add(cell);
          next.push(cell);
        }
      }
    }

    frontier = next;
  }

  return [...found];
}

/**
 * Hidden cells whose value the lines determine exactly. Each line is an equation over its hidden
 * cells with a known sum; a cell is determined when its unit vector lies in the span of those
 * equations, which reduced row echelon form shows as a row holding that cell alone.
 */
function pinnedCells(hidden: readonly boolean[], lines: readonly CellLine[]): number[] {
  const unknowns = hidden.flatMap((isHidden, index) => (isHidden ? [index] : []));
  const column = new Map(unknowns.map((cell, position) => [cell, position]));
  const rows = lines
    .map((line) => {
      const row = new Array<number>(unknowns.length).fill(0);
      for (const index of line) if (hidden[index]) row[column.get(index)!] = 1;

      return row;
    })
    .filter((row) => row.some((value) => value !== 0));

  const epsilon = 1e-9;
  let rank = 0;
  const pivots: number[] = [];
  for (let col = 0; col < unknowns.length && rank < rows.length; col++) {
    let best = rank;
    for (let r = rank + 1; r < rows.length; r++) {
      if (Math.abs(rows[r]![col]!) > Math.abs(rows[best]![col]!)) best = r;
    }

    if (Math.abs(rows[best]![col]!) < epsilon) continue;
    [rows[rank], rows[best]] = [rows[best]!, rows[rank]!];
    const pivot = rows[rank]!;
    const scale = pivot[col]!;
    for (let c = col; c < pivot.length; c++) pivot[c]! /= scale;
    for (let r = 0; r < rows.length; r++) {
      const factor = rows[r]![col]!;
      if (r === rank || Math.abs(factor) < epsilon) continue;
      const row = rows[r]!;
      for (let c = col; c < row.length; c++) row[c]! -= factor * pivot[c]!;
    }

    pivots.push(col);
    rank++;
  }

  return pivots.flatMap((col, r) => {
    const isAlone = rows[r]!.every((value, c) => c === col || Math.abs(value) < epsilon);

    return isAlone ? [unknowns[col]!] : [];
  });
}

/** One count of a one-way breakdown (a district, an age band), with how it is published. */
export interface BreakdownCount<K> extends PeopleCell {
  key: K;
}

/**
 * A one-way breakdown whose total readers know: each count, or null where hidden. Remainder
 * cells (never published) come back null too.
 */
export function protectBreakdown<K>(
  counts: readonly BreakdownCount<K>[],
  threshold = smallestGroup,
): { key: K; people: number | null }[] {
  const hidden = hideSmallCells(counts, [counts.map((_, index) => index)], threshold);

  return counts.map((count, index) => ({
    key: count.key,
    people: hidden[index] ? null : count.people,
  }));
}

/**
 * A breakdown of groups (districts, age bands) by columns (the options of a poll): how many people
 * of each group have each column's trait. Readers know each group's size unless hidden, every
 * column's overall count and everyone's total; `isPartition` when each person is in exactly one
 * column, so a group's counts add up to its size.
 */
export interface CrossTable {
  groups: readonly number[];
  /** Groups never published whose people are in the overall counts (those outside a panel). */
  withheld?: readonly boolean[];
  counts: readonly (readonly number[])[];
  isPartition: boolean;
}

/**
 * Which groups and which counts to hide. Besides the counts themselves, the people of a group
 * without a column's trait (its size minus the count) are protected too: in a group of six where
 * five chose an option, the five are hidden, since they would show that one person did not.
 */
export function protectCrossTable(
  table: CrossTable,
  threshold = smallestGroup,
): { groupHidden: boolean[]; countHidden: boolean[][] } {
  const groupHidden = hideSmallCells(
    table.groups.map((people, group) => ({
      people,
      role: table.withheld?.[group] ? ('withheld' as const) : ('shown' as const),
    })),
    [table.groups.map((_, index) => index)],
    threshold,
  );
  const width = table.counts[0]?.length ?? 0;
  const count = (group: number, column: number) => group * width * 2 + column * 2;
  const rest = (group: number, column: number) => count(group, column) + 1;
  const cells: PeopleCell[] = table.counts.flatMap((row, group) =>
    row.flatMap((people) => [
      { people, role: groupHidden[group] ? ('withheld' as const) : ('shown' as const) },
      { people: table.groups[group]! - people, role: 'withheld' as const },
    ]),
  );

  const shownGroups = table.groups.flatMap((_, group) => (groupHidden[group] ? [] : [group]));
  const hiddenGroups = table.groups.flatMap((_, group) => (groupHidden[group] ? [group] : []));
  const columns = Array.from({ length: width }, (_, column) => column);
  const lines: number[][] = [
    ...columns.map((column) => table.counts.map((_, group) => count(group, column))),
    ...columns.map((column) => table.counts.map((_, group) => rest(group, column))),
    ...shownGroups.flatMap((group) =>
      columns.map((column) => [count(group, column), rest(group, column)]),
    ),
    ...(hiddenGroups.length === 0
      ? []
      : columns.map((column) =>
          hiddenGroups.flatMap((group) => [count(group, column), rest(group, column)]),
        )),
    ...(table.isPartition
      ? [
          ...shownGroups.map((group) => columns.map((column) => count(group, column))),
          hiddenGroups.flatMap((group) => columns.map((column) => count(group, column))),
        ].filter((line) => line.length > 0)
      : []),
  ];
  const hidden = hideSmallCells(cells, lines, threshold);

  return {
    groupHidden,
    countHidden: table.counts.map((row, group) =>
      row.map((_, column) => hidden[count(group, column)]!),
    ),
  };
}
