import type { ResultSums } from './tally';

/**
 * This process's copy of polls' result sums, each stamped with the poll's answer seq as it was
 * read before adding them up. A copy is served to a reader whose read of the poll is no newer, so
 * an answer shows in the next results at once, and a copy being added up is shared by everyone
 * who asks meanwhile. A changed profile (a district moved) moves no seq, so no copy outlives
 * `maxAgeMs`.
 */
export class ResultSumsCache {
  private readonly entries = new Map<
    string,
    { seq: number; bornAt: number; value: Promise<ResultSums> }
  >();

  constructor(
    private readonly capacity = 200,
    private readonly maxAgeMs = 30_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(
    poll: { id: string; answerSeq: number },
    load: () => Promise<ResultSums>,
  ): Promise<ResultSums> {
    const now = this.now();
    const entry = this.entries.get(poll.id);
    if (entry && entry.seq >= poll.answerSeq && now - entry.bornAt < this.maxAgeMs) {
      return entry.value;
    }

    const value = load();
    this.entries.delete(poll.id);
    this.entries.set(poll.id, { seq: poll.answerSeq, bornAt: now, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => {
      if (this.entries.get(poll.id)?.value === value) this.entries.delete(poll.id);
    });

    return value;
  }
}
