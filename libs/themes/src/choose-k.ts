import { agreement, centroidsOf, consensus, ensemble } from './consensus';
import type { Random } from './random';
import { sampleIndices } from './random';
import type { SparseRows } from './sparse';
import { compactColumns, selectRows } from './sparse';

// Every candidate k is judged on a small sample with small ensembles; the chosen k gets a large
// sample and ensemble. Beyond the sample, comments join the nearest consensus centroid, so a run
// stays linear in the number of comments.
const SELECTION_SAMPLE = 1000;
const SELECTION_RUNS = 8;
const SELECTION_RESTARTS = 2;
const CONSENSUS_SAMPLE = 20_000;
const CONSENSUS_RUNS = 12;
const CONSENSUS_RESTARTS = 3;
// Scores closer than this are equal: rounding, not evidence.
const TIE = 1e-6;

export interface Candidate {
  k: number;
  /** Adjusted Rand index between two independent consensus clusterings of one sample. */
  stability: number;
  /** Standard error of the stability. */
  error: number;
  score: number;
}

export interface ClusterPlan {
  candidates: number[];
  /** Steps done out of the total: one per candidate k, one for the final consensus. */
  onStep?: (done: number, total: number) => void;
}

export interface ClusterChoice {
  k: number;
  /** Unit-length consensus centroids, row-major k x columns of the rows. */
  centroids: Float64Array;
  scores: Candidate[];
}

function consensusOf(rows: SparseRows, k: number, runs: number, restarts: number, random: Random) {
  return consensus(ensemble(rows, k, runs, random), k, restarts, random);
}

/** Mean and standard error of the agreement of three independent consensus clusterings. */
function stabilityOf(rows: SparseRows, k: number, random: Random): [number, number] {
  const clusterings = Array.from(
    { length: 3 },
    () => consensusOf(rows, k, SELECTION_RUNS, SELECTION_RESTARTS, random).labels,
  );
  const pairs = [
    agreement(clusterings[0], clusterings[1], k),
    agreement(clusterings[0], clusterings[2], k),
    agreement(clusterings[1], clusterings[2], k),
  ];
  const mean = pairs.reduce((sum, value) => sum + value, 0) / pairs.length;
  const variance = pairs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (pairs.length - 1);

  return [mean, Math.sqrt(variance / pairs.length)];
}

/**
 * Picks the k whose consensus clustering two independent ensembles reproduce best (stability in
 * the sense of Lange et al. 2004, on consensus rather than single runs, since single k-means runs
 * on short texts disagree even on clean data). Too few groups merge true groups in arbitrary
 * ways and too many split them arbitrarily, so both are unstable; the adjusted Rand index
 * corrects for chance, so unlike the share of ambiguous pairs it does not drift towards large k.
 * Scores within one standard error of the best (over three pairs of clusterings) are equal, as
 * in the one-standard-error rule of the gap statistic, and among equal scores the larger k wins:
 * ensembles of similar runs can merge the same true groups every time, but they cannot split
 * one true group the same way every time.
 */
function chooseK(rows: SparseRows, plan: ClusterPlan, random: Random): Candidate[] {
  // Runs only need the columns the sample uses; fewer columns make every iteration cheaper.
  const sample = compactColumns(
    selectRows(rows, sampleIndices(rows.rows, SELECTION_SAMPLE, random)),
  );

  return plan.candidates.map((k, position) => {
    const [stability, error] = stabilityOf(sample, k, random);
    plan.onStep?.(position + 1, plan.candidates.length + 1);

    return { k, stability, error, score: stability };
  });
}

export function clusterRows(rows: SparseRows, plan: ClusterPlan, random: Random): ClusterChoice {
  const scores = plan.candidates.length > 1 ? chooseK(rows, plan, random) : [];
  const best = scores.reduce<Candidate | undefined>(
    (chosen, candidate) => (!chosen || candidate.score >= chosen.score - TIE ? candidate : chosen),
    undefined,
  );
  const k = best?.k ?? plan.candidates[0];

  const sampled = sampleIndices(rows.rows, CONSENSUS_SAMPLE, random);
  const sample = sampled.length === rows.rows ? rows : selectRows(rows, sampled);
  const agreed = consensusOf(compactColumns(sample), k, CONSENSUS_RUNS, CONSENSUS_RESTARTS, random);
  const centroids = centroidsOf(sample, agreed.labels, k);
  plan.onStep?.(plan.candidates.length + 1, plan.candidates.length + 1);
  if (scores.length === 0) scores.push({ k, stability: 1, error: 0, score: 1 });

  return { k, centroids, scores };
}
