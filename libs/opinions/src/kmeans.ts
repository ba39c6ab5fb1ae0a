import type { Random } from './random';

/** Points in d dimensions stored row by row: point i is `values[i * d .. i * d + d)`. */
export interface Points {
  values: Float64Array;
  dimensions: number;
}

export interface Clustering {
  labels: Int32Array;
  centroids: Float64Array;
  inertia: number;
}

const MAX_ITERATIONS = 300;

export function pointCount(points: Points): number {
  return points.values.length / points.dimensions;
}

export function squaredDistance(
  a: Float64Array,
  i: number,
  b: Float64Array,
  j: number,
  dimensions: number,
): number {
  let sum = 0;
  for (let d = 0; d < dimensions; d++) {
    const difference = a[i * dimensions + d] - b[j * dimensions + d];
    sum += difference * difference;
  }

  return sum;
}

/** k-means++ seeding: spread-out starting centroids, each drawn in proportion to distance². */
function seedCentroids(points: Points, k: number, random: Random): Float64Array {
  const { values, dimensions } = points;
  const n = pointCount(points);
  const centroids = new Float64Array(k * dimensions);
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(random() * n);

  for (let c = 0; c < k; c++) {
    centroids.set(values.subarray(chosen * dimensions, (chosen + 1) * dimensions), c * dimensions);
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], squaredDistance(values, i, centroids, c, dimensions));
      total += nearest[i];
    }

    // With every point already on a centroid, any point will do: the cluster simply stays empty.
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n && total > 0; i++) {
      target -= nearest[i];
      if (target < 0) {
        chosen = i;
        break;
      }
    }
  }

  return centroids;
}

/** Lloyd iterations from the given centroids until no point changes its cluster. */
export function lloyd(points: Points, start: Float64Array): Clustering {
  const { values, dimensions } = points;
  const n = pointCount(points);
  const k = start.length / dimensions;
  const centroids = Float64Array.from(start);
  const labels = new Int32Array(n).fill(-1);
  let inertia = 0;

  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let changed = false;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const distance = squaredDistance(values, i, centroids, c, dimensions);
        if (distance < bestDistance) {
          best = c;
          bestDistance = distance;
        }
      }

      if (labels[i] !== best) changed = true;
      labels[i] = best;
      inertia += bestDistance;
    }

    if (!changed) break;
    updateCentroids(points, labels, centroids);
  }

  return { labels, centroids, inertia };
}

/** Means of the members; a cluster that lost all its members keeps its old centroid. */
function updateCentroids(points: Points, labels: Int32Array, centroids: Float64Array): void {
  const { values, dimensions } = points;
  const k = centroids.length / dimensions;
  const sums = new Float64Array(k * dimensions);
  const counts = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) {
    counts[labels[i]]++;
    for (let d = 0; d < dimensions; d++)
      sums[labels[i] * dimensions + d] += values[i * dimensions + d];
  }

  for (let c = 0; c < k; c++) {
    if (counts[c] === 0) continue;
    for (let d = 0; d < dimensions; d++)
      centroids[c * dimensions + d] = sums[c * dimensions + d] / counts[c];
  }
}

/**
 * The lowest-inertia clustering of several k-means++ restarts, plus one run from `start` when
 * given (a previous run's centroids), so that an unchanged conversation keeps its groups.
 */
export function kmeans(
  points: Points,
  k: number,
  random: Random,
  restarts: number,
  start?: Float64Array,
): Clustering {
  let best: Clustering | undefined;
  const candidates = start ? [start] : [];
  for (let run = 0; run < restarts; run++) candidates.push(seedCentroids(points, k, random));
  for (const candidate of candidates) {
    const result = lloyd(points, candidate);
    // Strictly lower only: ties keep the earlier run, and a previous run's start comes first.
    if (!best || result.inertia < best.inertia - 1e-9 * Math.max(1, best.inertia)) best = result;
  }

  if (!best) throw new Error('k-means needs at least one restart or a start');

  return best;
}
