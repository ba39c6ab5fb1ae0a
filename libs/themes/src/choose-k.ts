import { centroidsOf, consensus, ensemble } from './consensus';
import { mergeByModularity } from './merge';
import type { Random } from './random';
import { sampleIndices } from './random';
import type { SparseRows } from './sparse';
import { compactColumns, selectRows } from './sparse';

// The consensus is taken over a sample; beyond it comments join the nearest consensus centroid,
// so a run stays linear in the number of comments.
const CONSENSUS_SAMPLE = 20_000;
const CONSENSUS_RUNS = 12;
const CONSENSUS_RESTARTS = 3;
// Over-clustering starts its runs on a subset (see EnsembleStart): a theme split by a rough start
// is joined again by the merging. With k fixed nothing would join it, so runs start on all rows.
const OVERCLUSTER_START = { subset: 3000, subsetIterations: 5, finalIterations: 3 };
// Scores closer than this are equal: rounding, not evidence.
const TIE = 1e-9;

export interface Candidate {
  k: number;
  /** Modularity of the themes on the cosine graph of the comments (see mergeByModularity). */
  modularity: number;
  score: number;
}

export interface ClusterPlan {
  candidates: number[];
  /** Steps done out of the total: the consensus, then the choice of k. */
  onStep?: (done: number, total: number) => void;
}

export interface ClusterChoice {
  k: number;
  /** Unit-length consensus centroids, row-major k x columns of the rows. */
  centroids: Float64Array;
  scores: Candidate[];
}

/**
 * Clusters the rows into the largest candidate number of themes by consensus, then merges the
 * themes two at a time as long as that helps the modularity and keeps the level that scores
 * best within the candidates. Over-clustering first and merging after asks one question of the
 * data (which themes are not worth keeping apart) instead of clustering it once per candidate,
 * and the consensus at the upper bound is the one an analyst would get asking for that many.
 * Among equal scores the larger k wins: themes can be merged by a person later, not split.
 */
export function clusterRows(rows: SparseRows, plan: ClusterPlan, random: Random): ClusterChoice {
  const sampled = sampleIndices(rows.rows, CONSENSUS_SAMPLE, random);
  const sample = sampled.length === rows.rows ? rows : selectRows(rows, sampled);
  const compact = compactColumns(sample);
  const fine = Math.max(...plan.candidates);
  const minK = Math.min(...plan.candidates);
  const isFixed = plan.candidates.length === 1;
  plan.onStep?.(0, 2);
  const agreed = consensus(
    ensemble(compact, fine, CONSENSUS_RUNS, random, isFixed ? undefined : OVERCLUSTER_START),
    fine,
    CONSENSUS_RESTARTS,
    random,
  );
  plan.onStep?.(1, 2);

  const levels = mergeByModularity(compact, agreed.labels, fine, minK).filter((level) =>
    plan.candidates.includes(level.k),
  );
  const best = levels.reduce((chosen, level) =>
    level.modularity > chosen.modularity + TIE ? level : chosen,
  );
  const labels = agreed.labels.map((label) => best.groupOf[label]);
  const centroids = centroidsOf(sample, labels, best.k);
  plan.onStep?.(2, 2);

  const scores = levels
    .map((level) => ({ k: level.k, modularity: level.modularity, score: level.modularity }))
    .sort((a, b) => a.k - b.k);

  return { k: best.k, centroids, scores };
}
