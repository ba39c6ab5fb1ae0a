import { breakdownDimensions } from '@razgovor/contracts';
import type { Respondent } from '../poll.records';
import { type ResultSums, sumItems } from '../tally';

/**
 * The sums the database adds up for a poll's results, added up here from a list of answers: a
 * reference for tests, and a way to build results from answers made up in them.
 */
export function resultSumsOf(respondents: readonly Respondent[]): ResultSums {
  const breakdowns = Object.fromEntries(
    breakdownDimensions.map((dimension) => {
      const groups = new Map<string | null, Respondent[]>();
      for (const respondent of respondents) {
        const value = respondent[dimension];
        const group = groups.get(value);
        if (group) group.push(respondent);
        else groups.set(value, [respondent]);
      }

      return [dimension, new Map([...groups].map(([value, group]) => [value, sumItems(group)]))];
    }),
  ) as ResultSums['breakdowns'];

  return { overall: sumItems(respondents), breakdowns };
}
