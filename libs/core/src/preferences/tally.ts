import {
  breakdownDimensions,
  breakdownValues,
  pollLimits,
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

/** Counts and means of a set of answers, exactly as the poll's kind defines them. */
export function tallyAnswers(poll: TallyTarget, respondents: Respondent[]): Tally {
  const total = respondents.length;
  const counts = new Map<string, number>();
  const sums = new Map<string, number>();
  const scale = Array.from({ length: pollLimits.scaleMax }, () => 0);
  let scaleSum = 0;
  for (const respondent of respondents) {
    for (const { optionId, value } of respondent.items) {
      if (optionId === null) {
        scale[value - 1] = (scale[value - 1] ?? 0) + 1;
        scaleSum += value;
        continue;
      }

      sums.set(optionId, (sums.get(optionId) ?? 0) + value);
      const counted = poll.kind === 'ranking' ? value === 1 : value > 0;
      if (counted) counts.set(optionId, (counts.get(optionId) ?? 0) + 1);
    }
  }

  const options = poll.optionIds.map((optionId) => ({
    optionId,
    count: poll.kind === 'scale' || poll.kind === 'open' ? null : (counts.get(optionId) ?? 0),
    mean:
      (poll.kind === 'ranking' || poll.kind === 'budget') && total > 0
        ? round((sums.get(optionId) ?? 0) / total)
        : null,
  }));
  const isScale = poll.kind === 'scale';

  return {
    respondents: total,
    options,
    scale: isScale ? scale : null,
    mean: isScale && total > 0 ? round(scaleSum / total) : null,
  };
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

/** The overall tally and one per district, age band and gender, small cells suppressed. */
export function pollResults(poll: TallyTarget, respondents: Respondent[]): PollResults {
  const breakdowns = Object.fromEntries(
    breakdownDimensions.map((dimension) => {
      const groups = new Map<string | null, Respondent[]>();
      for (const respondent of respondents) {
        const value = respondent[dimension];
        groups.set(value, [...(groups.get(value) ?? []), respondent]);
      }

      const values = [...breakdownValues[dimension], null].filter((value) => groups.has(value));
      const tallies = protectTallies(
        poll.kind,
        values.map((value) => ({ tally: tallyAnswers(poll, groups.get(value)!) })),
      );
      const rows: BreakdownGroup[] = values.map((value, index) => ({
        value,
        suppressed: tallies[index] === null,
        tally: tallies[index] ?? null,
      }));

      return [dimension, rows];
    }),
  ) as PollResults['breakdowns'];

  return { pollId: poll.id, overall: tallyAnswers(poll, respondents), breakdowns };
}
