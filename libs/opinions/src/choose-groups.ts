import { kmeans, pointCount, type Points } from './kmeans';
import { createRandom } from './random';
import { silhouette } from './silhouette';

export interface GroupChoice {
  k: number;
  labels: Int32Array;
  centroids: Float64Array;
  silhouette: number;
  /** The silhouette of the best clustering for every k tried, to show why k was chosen. */
  tried: Array<{ k: number; silhouette: number }>;
}

export interface ChooseOptions {
  minGroups: number;
  maxGroups: number;
  restarts: number;
  seed: number;
  /** How much higher a larger k's silhouette must be to win over a smaller k. */
  silhouetteMargin: number;
  /** Centroids of a previous run, used as one more start when their number matches k. */
  previous?: Float64Array;
}

function distinctPoints(points: Points, limit: number): number {
  const seen = new Set<string>();
  const { values, dimensions } = points;
  for (let i = 0; i < pointCount(points) && seen.size < limit; i++) {
    seen.add(values.subarray(i * dimensions, (i + 1) * dimensions).join(','));
  }

  return seen.size;
}

/**
 * k-means for every k in range; the highest silhouette wins, but a larger k must beat the best
 * smaller one by the margin: near-ties otherwise flip k between runs on a point or two.
 */
export function chooseGroups(points: Points, options: ChooseOptions): GroupChoice {
  const n = pointCount(points);
  // k above the number of distinct points would leave clusters empty and the silhouette lying.
  const distinct = distinctPoints(points, options.maxGroups + 1);
  const upper = Math.min(options.maxGroups, distinct, n - 1);
  if (upper < options.minGroups) {
    return {
      k: n > 0 ? 1 : 0,
      labels: new Int32Array(n),
      centroids: n > 0 ? centroidOfAll(points) : new Float64Array(0),
      silhouette: 0,
      tried: [],
    };
  }

  let best: GroupChoice | undefined;
  const tried: GroupChoice['tried'] = [];
  for (let k = options.minGroups; k <= upper; k++) {
    // One generator per k, so that widening the range does not change the clustering for a k.
    const random = createRandom(options.seed * 7919 + k);
    const previous =
      options.previous?.length === k * points.dimensions ? options.previous : undefined;
    const clustering = kmeans(points, k, random, options.restarts, previous);
    const score = silhouette(points, clustering.labels, k, random);
    tried.push({ k, silhouette: score });
    if (!best || score > best.silhouette + options.silhouetteMargin) {
      best = {
        k,
        labels: clustering.labels,
        centroids: clustering.centroids,
        silhouette: score,
        tried,
      };
    }
  }

  if (!best) throw new Error('No k was tried');

  return best;
}

function centroidOfAll(points: Points): Float64Array {
  const { values, dimensions } = points;
  const centroid = new Float64Array(dimensions);
  const n = pointCount(points);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dimensions; d++) centroid[d] += values[i * dimensions + d] / n;
  }

  return centroid;
}
