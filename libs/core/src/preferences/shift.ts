import { pollLimits, type ShiftPair, type Tally } from '@razgovor/contracts';
import type { PollRecord, Respondent } from './poll.records';
import { suppressSmallCells, tallyAnswers } from './tally';
import { target } from './targets';

/** The figure compared between runs for one option: a share in points, or a mean. */
function figure(kind: PollRecord['kind'], tally: Tally, index: number): number | null {
  const option = tally.options[index];
  if (!option || tally.respondents === 0) return null;
  if (kind === 'single' || kind === 'multiple') {
    return option.count === null
      ? null
      : Math.round((option.count / tally.respondents) * 1000) / 10;
  }

  return option.mean;
}

const change = (before: number | null, after: number | null) =>
  before === null || after === null ? null : Math.round((after - before) * 100) / 100;

/**
 * Compares one question between two runs. Options are matched by position, as a new run copies
 * the questions of the first one in order.
 */
export function shiftBetween(
  before: PollRecord,
  after: PollRecord,
  beforeAnswers: Respondent[],
  afterAnswers: Respondent[],
): ShiftPair {
  const first = tallyAnswers(target(before), beforeAnswers);
  const second = tallyAnswers(target(after), afterAnswers);
  const people = new Set([...beforeAnswers, ...afterAnswers].map((answer) => answer.userId));

  return {
    respondents: people.size,
    before: first,
    after: second,
    options: before.options.map((option, index) => {
      const was = figure(before.kind, first, index);
      const is = figure(after.kind, second, index);

      return { optionId: option.id, before: was, after: is, change: change(was, is) };
    }),
    meanChange: change(first.mean, second.mean),
  };
}

/** The same comparison restricted to people who answered both runs; null under 5 people. */
export function panelShift(
  before: PollRecord,
  after: PollRecord,
  beforeAnswers: Respondent[],
  afterAnswers: Respondent[],
): ShiftPair | null {
  const answeredAfter = new Set(afterAnswers.map((answer) => answer.userId));
  const both = new Set(
    beforeAnswers.map((answer) => answer.userId).filter((id) => answeredAfter.has(id)),
  );
  if (both.size < pollLimits.smallCell) return null;
  const pair = shiftBetween(
    before,
    after,
    beforeAnswers.filter((answer) => both.has(answer.userId)),
    afterAnswers.filter((answer) => both.has(answer.userId)),
  );

  return {
    ...pair,
    before: pair.before && suppressSmallCells(pair.before),
    after: pair.after && suppressSmallCells(pair.after),
  };
}
