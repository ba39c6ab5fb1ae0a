import { pollLimits, type ShiftPair, type Tally } from '@razgovor/contracts';
import type { PollRecord, Respondent } from './poll.records';
import { protectTallies, tallyAnswers } from './tally';
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

/**
 * The same comparison restricted to people who answered both runs; null under 5 people, or when
 * the people of a run outside the panel are so few that subtracting the panel from the run's
 * published tally would show their answers.
 */
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
  const inPanel = (answer: Respondent) => both.has(answer.userId);
  const first = withinRun(before, beforeAnswers, inPanel);
  const second = withinRun(after, afterAnswers, inPanel);
  if (!first || !second) return null;

  return {
    respondents: both.size,
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

/** The panel's tally of one run, protected against the run's whole tally that readers see. */
function withinRun(
  poll: PollRecord,
  answers: Respondent[],
  inPanel: (answer: Respondent) => boolean,
): Tally | null {
  const [panel] = protectTallies(poll.kind, [
    { tally: tallyAnswers(target(poll), answers.filter(inPanel)) },
    {
      tally: tallyAnswers(
        target(poll),
        answers.filter((answer) => !inPanel(answer)),
      ),
      isWithheld: true,
    },
  ]);

  return panel ?? null;
}
