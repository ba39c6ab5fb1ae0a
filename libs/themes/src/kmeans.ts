import type { Random } from './random';

/** Unit-length points stored row-major: point i is values[i * dimensions ... + dimensions). */
export interface Points {
  values: Float64Array;
  count: number;
  dimensions: number;
}

export interface Clustering {
  k: number;
  labels: Int32Array;
  /** Row-major k x dimensions, unit length. */
  centroids: Float64Array;
  /** Cosine of every point to its own centroid. */
  similarities: Float64Array;
  /** Sum of the similarities: the quantity spherical k-means maximises. */
  objective: number;
}

/** Dot product of two slices; four accumulators let V8 overlap the multiplications. */
export function dot(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  size: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < size; i += 4) {
    s0 += a[aOffset + i] * b[bOffset + i];
    s1 += a[aOffset + i + 1] * b[bOffset + i + 1];
    s2 += a[aOffset + i + 2] * b[bOffset + i + 2];
    s3 += a[aOffset + i + 3] * b[bOffset + i + 3];
  }

  for (; i < size; i++) s0 += a[aOffset + i] * b[bOffset + i];

  return s0 + s1 + s2 + s3;
}

function normalizeRows(values: Float64Array, rows: number, size: number): void {
  for (let r = 0; r < rows; r++) {
    const norm = Math.sqrt(dot(values, r * size, values, r * size, size));
    if (norm === 0) continue;
    for (let i = 0; i < size; i++) values[r * size + i] /= norm;
  }
}

/** k-means++ seeding with the squared chord distance 2 - 2 cos between unit vectors. */
export function seedCentroids(points: Points, k: number, random: Random): Float64Array {
  const { values, count, dimensions } = points;
  const centroids = new Float64Array(k * dimensions);
  const distance = new Float64Array(count).fill(Infinity);
  let chosen = Math.floor(random() * count);

  for (let c = 0; c < k; c++) {
    centroids.set(values.subarray(chosen * dimensions, (chosen + 1) * dimensions), c * dimensions);
    let total = 0;
    for (let i = 0; i < count; i++) {
      const d = Math.max(
        0,
        2 - 2 * dot(values, i * dimensions, centroids, c * dimensions, dimensions),
      );
      if (d < distance[i]) distance[i] = d;
      total += distance[i];
    }

    if (total <= 0) {
      chosen = Math.floor(random() * count);
      continue;
    }

    let target = random() * total;
    chosen = count - 1;
    for (let i = 0; i < count; i++) {
      target -= distance[i];
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
  }

  return centroids;
}

/** Assigns every point to its most similar centroid; returns how many labels changed. */
function assign(
  points: Points,
  centroids: Float64Array,
  k: number,
  clustering: Clustering,
): number {
  const { values, count, dimensions } = points;
  let changed = 0;
  let objective = 0;
  for (let i = 0; i < count; i++) {
    let best = 0;
    let bestSimilarity = -Infinity;
    for (let c = 0; c < k; c++) {
      const similarity = dot(values, i * dimensions, centroids, c * dimensions, dimensions);
      if (similarity > bestSimilarity) {
        bestSimilarity = similarity;
        best = c;
      }
    }

    if (clustering.labels[i] !== best) changed++;
    clustering.labels[i] = best;
    clustering.similarities[i] = bestSimilarity;
    objective += bestSimilarity;
  }

  clustering.objective = objective;

  return changed;
}

function update(points: Points, clustering: Clustering): void {
  const { values, count, dimensions } = points;
  const { k, labels, centroids, similarities } = clustering;
  centroids.fill(0);
  const sizes = new Int32Array(k);
  for (let i = 0; i < count; i++) {
    const c = labels[i];
    sizes[c]++;
    for (let d = 0; d < dimensions; d++)
      centroids[c * dimensions + d] += values[i * dimensions + d];
  }

  // An emptied cluster restarts at the point that fits its own cluster worst.
  for (let c = 0; c < k; c++) {
    if (sizes[c] > 0) continue;
    let worst = 0;
    for (let i = 1; i < count; i++) if (similarities[i] < similarities[worst]) worst = i;
    centroids.set(values.subarray(worst * dimensions, (worst + 1) * dimensions), c * dimensions);
    similarities[worst] = 1;
  }

  normalizeRows(centroids, k, dimensions);
}

export interface KMeansOptions {
  maxIterations?: number;
  /** Stop once fewer than this share of the points change cluster in an iteration. */
  tolerance?: number;
}

/** Lloyd iterations of spherical k-means from the given centroids. */
export function refine(
  points: Points,
  initial: Float64Array,
  k: number,
  options: KMeansOptions = {},
): Clustering {
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 0;
  const clustering: Clustering = {
    k,
    labels: new Int32Array(points.count).fill(-1),
    centroids: Float64Array.from(initial),
    similarities: new Float64Array(points.count),
    objective: 0,
  };

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const changed = assign(points, clustering.centroids, k, clustering);
    if (changed <= tolerance * points.count && iteration > 0) break;
    update(points, clustering);
  }

  assign(points, clustering.centroids, k, clustering);

  return clustering;
}

/** Spherical k-means with k-means++ seeding, keeping the best of several restarts. */
export function sphericalKMeans(
  points: Points,
  k: number,
  random: Random,
  restarts: number,
  options: KMeansOptions = {},
): Clustering {
  let best: Clustering | undefined;
  for (let restart = 0; restart < Math.max(1, restarts); restart++) {
    const clustering = refine(points, seedCentroids(points, k, random), k, options);
    if (!best || clustering.objective > best.objective) best = clustering;
  }

  return best as Clustering;
}

export function subset(points: Points, rows: number[]): Points {
  const { dimensions } = points;
  const values = new Float64Array(rows.length * dimensions);
  rows.forEach((row, i) => {
    values.set(points.values.subarray(row * dimensions, (row + 1) * dimensions), i * dimensions);
  });

  return { values, count: rows.length, dimensions };
}
