import { createRandom } from '../random';
import { VoteMatrixBuilder, type Vote, type VoteMatrix } from '../vote-matrix';

export interface PlantedOptions {
  groups: number[];
  statements: number;
  /** Share of votes each participant casts, at random; the rest are missing. */
  density: number;
  /** Share of cast votes flipped to a random vote. */
  noise: number;
  seed: number;
  /** Statements every group agrees with, at the start of the list (they carry no group signal). */
  consensusStatements?: number;
}

export interface PlantedVotes {
  matrix: VoteMatrix;
  /** Planted group of each participant in matrix order. */
  truth: number[];
  /** The stance of each group on each statement: 1 agree, -1 disagree. */
  stances: Vote[][];
}

/**
 * A vote matrix with known groups, for tests and benchmarks: each group has a random stance on
 * every statement, and its members vote that stance except for noise and missing votes.
 */
export function plantedVotes(options: PlantedOptions): PlantedVotes {
  const random = createRandom(options.seed);
  const consensusCount = options.consensusStatements ?? 0;
  const stances = options.groups.map(() =>
    Array.from({ length: options.statements }, (_, s): Vote => {
      if (s < consensusCount) return 1;

      return random() < 0.5 ? 1 : -1;
    }),
  );
  const builder = new VoteMatrixBuilder();
  for (let s = 0; s < options.statements; s++) builder.statement(`s${s}`);
  const truth: number[] = [];
  options.groups.forEach((size, g) => {
    for (let m = 0; m < size; m++) {
      const participant = `p${truth.length}`;
      truth.push(g);
      builder.participant(participant);
      for (let s = 0; s < options.statements; s++) {
        if (random() >= options.density) continue;
        const noisy = random() < options.noise;
        const vote = noisy ? ([1, -1, 0] as const)[Math.floor(random() * 3)] : stances[g][s];
        builder.add(participant, `s${s}`, vote);
      }
    }
  });

  return { matrix: builder.build(), truth, stances };
}
