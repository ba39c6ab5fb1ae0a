import {
  breakdownDimensions,
  breakdownValues,
  pollLimits,
  type BreakdownGroup,
  type PollKind,
  type PollResults,
  type Tally,
} from '@razgovor/contracts';
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

/**
 * Hides what could point at a few people: a group under the threshold shows nothing, and a count
 * under it is blanked. Means of a group large enough are kept.
 */
export function suppressSmallCells(tally: Tally, threshold = pollLimits.smallCell): Tally | null {
  if (tally.respondents < threshold) return null;
  const hide = (count: number | null) => (count !== null && count < threshold ? null : count);

  return {
    ...tally,
    options: tally.options.map((option) => ({ ...option, count: hide(option.count) })),
    scale: tally.scale?.map(hide) ?? null,
  };
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

      const order = [...breakdownValues[dimension], null];
      const rows: BreakdownGroup[] = order
        .filter((value) => groups.has(value))
        .map((value) => {
          const tally = suppressSmallCells(tallyAnswers(poll, groups.get(value)!));

          return { value, suppressed: tally === null, tally };
        });

      return [dimension, rows];
    }),
  ) as PollResults['breakdowns'];

  return { pollId: poll.id, overall: tallyAnswers(poll, respondents), breakdowns };
}
