import { ambiguity, centroidsOf, consensus, ensemble } from './consensus';
import type { Random } from './random';
import { sampleIndices } from './random';
import type { SparseRows } from './sparse';
import { compactColumns, selectRows } from './sparse';
import type { SparseClustering } from './sparse-kmeans';
import { refineSparse } from './sparse-kmeans';

// Every candidate k is judged on a small sample with a small ensemble; the chosen k gets a larger
// sample and ensemble. Beyond the sample, comments join the nearest consensus centroid, so the
// cost of a run grows with the number of comments only through that last pass.
const SELECTION_SAMPLE = 1000;
const SELECTION_RUNS = 8;
const SELECTION_KEPT = 4;
const JUDGED = 500;
const CONSENSUS_SAMPLE = 4000;
const CONSENSUS_RUNS = 20;
const CONSENSUS_RESTARTS = 5;

export interface Candidate {
  k: number;
  /** Share of sampled pairs that the runs put together only sometimes (lower is better). */
  ambiguity: number;
  score: number;
}

export interface ClusterPlan {
  candidates: number[];
  /** Steps done out of the total: one per candidate k, one for the final consensus. */
  onStep?: (done: number, total: number) => void;
}

export interface ClusterChoice {
  clustering: SparseClustering;
  scores: Candidate[];
}

/**
 * Picks the number of groups whose clusters the runs reproduce best. Ambiguity only falls as k
 * grows when groups are split identically every time, so small splits that chance produces do
 * not win; among equal scores the smaller k wins.
 */
function chooseK(rows: SparseRows, plan: ClusterPlan, random: Random): Candidate[] {
  // Runs only need the columns the sample uses; fewer columns make every iteration cheaper.
  const sample = compactColumns(
    selectRows(rows, sampleIndices(rows.rows, SELECTION_SAMPLE, random)),
  );
  const judged = sampleIndices(sample.rows, JUDGED, random);

  return plan.candidates.map((k, position) => {
    const runs = ensemble(sample, k, SELECTION_RUNS, random, SELECTION_KEPT);
    const share = ambiguity(runs, judged);
    plan.onStep?.(position + 1, plan.candidates.length + 1);

    return { k, ambiguity: share, score: 1 - share };
  });
}

export function clusterRows(rows: SparseRows, plan: ClusterPlan, random: Random): ClusterChoice {
  const scores = plan.candidates.length > 1 ? chooseK(rows, plan, random) : [];
  const best = scores.reduce<Candidate | undefined>(
    (chosen, candidate) => (!chosen || candidate.score > chosen.score ? candidate : chosen),
    undefined,
  );
  const k = best?.k ?? plan.candidates[0];

  const sampled = sampleIndices(rows.rows, CONSENSUS_SAMPLE, random);
  const sample = sampled.length === rows.rows ? rows : selectRows(rows, sampled);
  const runs = ensemble(compactColumns(sample), k, CONSENSUS_RUNS, random);
  const agreed = consensus(runs, k, CONSENSUS_RESTARTS, random);
  const centroids = centroidsOf(sample, agreed.labels, k);
  // One assignment pass: the consensus stands, and the comments outside the sample join it.
  const clustering = refineSparse(rows, centroids, k, { maxIterations: 0 });
  plan.onStep?.(plan.candidates.length + 1, plan.candidates.length + 1);
  if (scores.length === 0) scores.push({ k, ambiguity: ambiguity(runs, []), score: 1 });

  return { clustering, scores };
}
