import {
  breakdownDimensions,
  breakdownValues,
  pollLimits,
  type BreakdownDimension,
  type BreakdownGroup,
  type PollKind,
  type PollResults,
  type Tally,
} from '@razgovor/contracts';
import { protectCrossTable } from '../privacy/small-cells';
import type { Respondent } from './poll.records';

interface TallyTarget {
  id: string;
  kind: PollKind;
  optionIds: string[];
}

const round = (value: number) => Math.round(value * 100) / 100;

/** What the answers of one option, or of one value of a scale, add up to. */
export interface ItemSum {
  /** Null for a value of a scale. */
  optionId: string | null;
  /** The value of a scale; null for an option. */
  scaleValue: number | null;
  /** Items above 0: chosen, ranked or given money; for a scale value, its people. */
  positive: number;
  /** Items of exactly 1: a ranking's first places. */
  first: number;
  sum: number;
}

/** The parts a tally is made of: its people and, per option or scale value, their items. */
export interface TallySums {
  respondents: number;
  items: ItemSum[];
}

/** The sums of a list of answers, as the database adds them up for a whole poll. */
export function sumItems(respondents: readonly Respondent[]): TallySums {
  const sums = new Map<string, ItemSum>();
  for (const { items } of respondents) {
    for (const { optionId, value } of items) {
      const key = optionId ?? `scale ${value}`;
      let sum = sums.get(key);
      if (!sum) {
        sum = {
          optionId,
          scaleValue: optionId === null ? value : null,
          positive: 0,
          first: 0,
          sum: 0,
        };
        sums.set(key, sum);
      }

      if (value > 0) sum.positive += 1;
      if (value === 1) sum.first += 1;
      sum.sum += value;
    }
  }

  return { respondents: respondents.length, items: [...sums.values()] };
}

/** Counts and means of a poll's answers from their sums, as the poll's kind defines them. */
export function tallyFromSums(poll: TallyTarget, sums: TallySums): Tally {
  const total = sums.respondents;
  const byOption = new Map<string, ItemSum>();
  const scale = Array.from({ length: pollLimits.scaleMax }, () => 0);
  let scaleSum = 0;
  for (const item of sums.items) {
    if (item.optionId !== null) {
      byOption.set(item.optionId, item);
    } else if (item.scaleValue !== null) {
      scale[item.scaleValue - 1] = (scale[item.scaleValue - 1] ?? 0) + item.positive;
      scaleSum += item.sum;
    }
  }

  const options = poll.optionIds.map((optionId) => {
    const item = byOption.get(optionId);
    const counted = (poll.kind === 'ranking' ? item?.first : item?.positive) ?? 0;

    return {
      optionId,
      count: poll.kind === 'scale' || poll.kind === 'open' ? null : counted,
      mean:
        (poll.kind === 'ranking' || poll.kind === 'budget') && total > 0
          ? round((item?.sum ?? 0) / total)
          : null,
    };
  });
  const isScale = poll.kind === 'scale';

  return {
    respondents: total,
    options,
    scale: isScale ? scale : null,
    mean: isScale && total > 0 ? round(scaleSum / total) : null,
  };
}

/** Counts and means of a list of answers. */
export function tallyAnswers(poll: TallyTarget, respondents: readonly Respondent[]): Tally {
  return tallyFromSums(poll, sumItems(respondents));
}

/** The counts of a tally as columns of people: per option, or per value of a scale. */
function columnsOf(kind: PollKind, tally: Tally): number[] {
  if (kind === 'scale') return (tally.scale ?? []).map((count) => count ?? 0);
  if (kind === 'open') return [];

  return tally.options.map((option) => option.count ?? 0);
}

// Each person falls in exactly one column of these: one choice, one first place, one value.
const partitions = new Set<PollKind>(['single', 'ranking', 'scale']);

/** A tally with the hidden counts blanked; means of a published group stay, as they cover it. */
function blank(kind: PollKind, tally: Tally, hidden: readonly boolean[]): Tally {
  if (kind === 'scale') {
    return {
      ...tally,
      scale: tally.scale?.map((count, index) => (hidden[index] ? null : count)) ?? null,
    };
  }

  return {
    ...tally,
    options: tally.options.map((option, index) => ({
      ...option,
      count: hidden[index] ? null : option.count,
    })),
  };
}

/**
 * The tallies of groups that split an overall tally readers see, protected together: a group or
 * a count hides when it covers 1 to 4 people, or when subtracting what is shown (from the group's
 * size, or from the overall count) would give 1 to 4. Null for a hidden group. A withheld group
 * is never published but taken into account, such as the people outside a survey's panel.
 */
export function protectTallies(
  kind: PollKind,
  parts: readonly { tally: Tally; isWithheld?: boolean }[],
): (Tally | null)[] {
  const { groupHidden, countHidden } = protectCrossTable({
    groups: parts.map((part) => part.tally.respondents),
    withheld: parts.map((part) => part.isWithheld ?? false),
    counts: parts.map((part) => columnsOf(kind, part.tally)),
    isPartition: partitions.has(kind),
  });

  return parts.map((part, index) =>
    groupHidden[index] ? null : blank(kind, part.tally, countHidden[index]!),
  );
}

/** The sums of a poll's whole tally and of each group of people its breakdowns show. */
export interface ResultSums {
  overall: TallySums;
  /** Per dimension, the sums of each value's people; the key null for people who did not say. */
  breakdowns: Record<BreakdownDimension, Map<string | null, TallySums>>;
}

/** The overall tally and one per district, age band and gender, small cells suppressed. */
export function pollResults(poll: TallyTarget, sums: ResultSums): PollResults {
  const breakdowns = Object.fromEntries(
    breakdownDimensions.map((dimension) => {
      const groups = sums.breakdowns[dimension];
      const values = [...breakdownValues[dimension], null].filter((value) => groups.has(value));
      const tallies = protectTallies(
        poll.kind,
        values.map((value) => ({ tally: tallyFromSums(poll, groups.get(value)!) })),
      );
      const rows: BreakdownGroup[] = values.map((value, index) => ({
        value,
        suppressed: tallies[index] === null,
        tally: tallies[index] ?? null,
      }));

      return [dimension, rows];
    }),
  ) as PollResults['breakdowns'];

  return { pollId: poll.id, overall: tallyFromSums(poll, sums.overall), breakdowns };
}
