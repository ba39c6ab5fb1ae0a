import type { SparseRows } from './sparse';
import { rowOf, sparseDot } from './sparse';

const CANDIDATES = 30;
const NEAR_DUPLICATE = 0.95;

function cosine(rows: SparseRows, a: number, b: number): number {
  return sparseDot(rowOf(rows, a), rowOf(rows, b));
}

/**
 * Picks comments close to the centroid that also differ from each other (maximal marginal
 * relevance), so that a theme is not illustrated by five copies of one sentence.
 */
export function pickRepresentatives(
  rows: SparseRows,
  members: number[],
  similarities: Float64Array,
  count: number,
): number[] {
  const candidates = [...members]
    .sort((a, b) => similarities[b] - similarities[a] || a - b)
    .slice(0, CANDIDATES);
  const chosen: number[] = [];

  while (chosen.length < count) {
    let best = -1;
    let bestScore = -Infinity;
    for (const candidate of candidates) {
      if (chosen.includes(candidate)) continue;
      const redundancy = Math.max(0, ...chosen.map((other) => cosine(rows, candidate, other)));
      if (redundancy > NEAR_DUPLICATE) continue;
      const score = 0.7 * similarities[candidate] - 0.3 * redundancy;
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }

    if (best < 0) break;
    chosen.push(best);
  }

  return chosen;
}
