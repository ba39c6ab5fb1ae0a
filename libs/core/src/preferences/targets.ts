import type { PollRecord } from './poll.records';

/** What a tally needs to know of a poll. */
export function target(poll: PollRecord) {
  return { id: poll.id, kind: poll.kind, optionIds: poll.options.map((option) => option.id) };
}
