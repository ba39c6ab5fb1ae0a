import type { Clustering, Points } from './kmeans';
import { refine, seedCentroids, sphericalKMeans, subset } from './kmeans';
import { ari } from './metrics';
import type { Random } from './random';
import { sampleIndices } from './random';
import { distanceMatrix, meanSilhouette } from './silhouette';

// Candidates are compared on a sample: the silhouette needs all pairwise distances, and the
// restarts of every candidate k on 100,000 comments would dominate the run time.
const SELECTION_SAMPLE = 1500;
const SILHOUETTE_SAMPLE = 1000;
const FULL_RESTART_LIMIT = 5_000;
const FULL_ITERATIONS = { maxIterations: 30, tolerance: 0.001 };

export interface Candidate {
  k: number;
  silhouette: number;
  /** Mean agreement (ARI) between the restarts: how reproducible this k is. */
  stability: number;
  score: number;
}

export interface ClusterPlan {
  candidates: number[];
  restarts: number;
  onCandidate?: (done: number, total: number) => void;
}

export interface ClusterChoice {
  clustering: Clustering;
  scores: Candidate[];
}

export function clusterPoints(points: Points, plan: ClusterPlan, random: Random): ClusterChoice {
  const sampleRows = sampleIndices(points.count, SELECTION_SAMPLE, random);
  const sample = subset(points, sampleRows);
  const judged = sampleIndices(sample.count, SILHOUETTE_SAMPLE, random);
  const distances = plan.candidates.length > 1 ? distanceMatrix(subset(sample, judged)) : null;

  let best: { clustering: Clustering; score: number } | undefined;
  const scores: Candidate[] = [];
  plan.candidates.forEach((k, position) => {
    const runs = Array.from({ length: Math.max(2, plan.restarts) }, () =>
      refine(sample, seedCentroids(sample, k, random), k, { maxIterations: 30, tolerance: 0.001 }),
    );
    const clustering = runs.reduce((a, b) => (b.objective > a.objective ? b : a));
    const silhouette = distances
      ? meanSilhouette(
          distances,
          Int32Array.from(judged, (row) => clustering.labels[row]),
          k,
        )
      : 0;
    const stability = agreement(runs);
    // Silhouette alone keeps rising with k on sparse text; splits that the restarts do not
    // reproduce are arbitrary, so the score discounts them.
    const score = Math.max(0, silhouette) * Math.max(0, stability);
    scores.push({ k, silhouette, stability, score });
    if (!best || score > best.score) best = { clustering, score };
    plan.onCandidate?.(position + 1, plan.candidates.length);
  });
  const chosen = best as { clustering: Clustering };

  // The centroids found on the sample seed Lloyd iterations over every comment; when that is
  // affordable, fresh restarts on every comment compete with them, since a sample of a few
  // thousand can miss a small theme.
  if (sample.count === points.count) return { clustering: chosen.clustering, scores };
  const k = chosen.clustering.k;
  let clustering = refine(points, chosen.clustering.centroids, k, FULL_ITERATIONS);
  if (points.count <= FULL_RESTART_LIMIT) {
    const fresh = sphericalKMeans(points, k, random, plan.restarts, FULL_ITERATIONS);
    if (fresh.objective > clustering.objective) clustering = fresh;
  }

  return { clustering, scores };
}

function agreement(runs: Clustering[]): number {
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      total += ari(Array.from(runs[i].labels), Array.from(runs[j].labels));
      pairs++;
    }
  }

  return pairs === 0 ? 1 : total / pairs;
}
