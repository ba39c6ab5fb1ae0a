import { pointCount, squaredDistance, type Points } from './kmeans';
import type { Random } from './random';

/** Above this many points the silhouette is averaged over a seeded sample of them. */
export const SILHOUETTE_SAMPLE = 1500;

/**
 * Mean silhouette of a clustering. Every sampled point is compared with all points, so the
 * estimate is unbiased; a point alone in its cluster scores 0, as in the usual definition.
 */
export function silhouette(points: Points, labels: Int32Array, k: number, random: Random): number {
  const n = pointCount(points);
  const { values, dimensions } = points;
  const sizes = new Float64Array(k);
  for (const label of labels) sizes[label]++;
  const sample = n <= SILHOUETTE_SAMPLE ? null : sampleOf(n, SILHOUETTE_SAMPLE, random);
  const count = sample ? sample.length : n;
  const sums = new Float64Array(k);
  let total = 0;

  for (let t = 0; t < count; t++) {
    const i = sample ? sample[t] : t;
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      sums[labels[j]] += Math.sqrt(squaredDistance(values, i, values, j, dimensions));
    }

    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const inside = sums[own] / (sizes[own] - 1);
    let outside = Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== own && sizes[c] > 0) outside = Math.min(outside, sums[c] / sizes[c]);
    }

    if (outside === Infinity) continue;
    const spread = Math.max(inside, outside);
    total += spread > 0 ? (outside - inside) / spread : 0;
  }

  return count > 0 ? total / count : 0;
}

function sampleOf(n: number, m: number, random: Random): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(random() * (n - i));
    [all[i], all[j]] = [all[j], all[i]];
  }

  return all.slice(0, m).sort();
}
