import type { Points } from './kmeans';

/** Cosine distances 1 - cos between all pairs, computed once and shared by every candidate k. */
export function distanceMatrix(points: Points): Float32Array {
  const { values, count, dimensions } = points;
  const distances = new Float32Array(count * count);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      let sum = 0;
      for (let d = 0; d < dimensions; d++)
        sum += values[i * dimensions + d] * values[j * dimensions + d];
      distances[i * count + j] = 1 - sum;
      distances[j * count + i] = 1 - sum;
    }
  }

  return distances;
}

/** Mean silhouette; points alone in their cluster count as 0, as in Rousseeuw's definition. */
export function meanSilhouette(distances: Float32Array, labels: Int32Array, k: number): number {
  const count = labels.length;
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label]++;
  const sums = new Float64Array(k);
  let total = 0;

  for (let i = 0; i < count; i++) {
    sums.fill(0);
    for (let j = 0; j < count; j++) sums[labels[j]] += distances[i * count + j];
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    if (Number.isFinite(b) && Math.max(a, b) > 0) total += (b - a) / Math.max(a, b);
  }

  return count === 0 ? 0 : total / count;
}
