/** A group of an earlier run: its id and centroid, to carry ids over to the next run. */
export interface PreviousGroup {
  id: number;
  centroid: readonly number[];
}

interface Found {
  size: number;
  centroid: Float64Array;
}

function compareFound(a: Found, b: Found): number {
  if (a.size !== b.size) return b.size - a.size;
  for (let d = 0; d < a.centroid.length; d++) {
    if (a.centroid[d] !== b.centroid[d]) return a.centroid[d] - b.centroid[d];
  }

  return 0;
}

/**
 * Ids for the groups found: without a previous run, 0.. by size (largest first), then centroid.
 * With one, each group takes the id of the previous group it matches best (most groups matched,
 * then least total squared distance), so a group keeps its id while the conversation grows;
 * groups left over take fresh ids after the largest previous one.
 */
export function assignGroupIds(found: Found[], previous: readonly PreviousGroup[] = []): number[] {
  const order = found.map((_, g) => g).sort((a, b) => compareFound(found[a], found[b]));
  const ids = new Array<number>(found.length).fill(-1);
  if (previous.length === 0) {
    order.forEach((g, rank) => (ids[g] = rank));

    return ids;
  }

  const match = bestMatch(
    order.map((g) => found[g].centroid),
    previous,
  );
  let fresh = Math.max(...previous.map((group) => group.id)) + 1;
  order.forEach((g, rank) => {
    ids[g] = match[rank] >= 0 ? previous[match[rank]].id : fresh++;
  });

  return ids;
}

function bestMatch(centroids: Float64Array[], previous: readonly PreviousGroup[]): number[] {
  let best = { matched: -1, cost: Infinity, choice: [] as number[] };
  const choice: number[] = [];
  const used = new Set<number>();

  const search = (g: number, matched: number, cost: number): void => {
    if (g === centroids.length) {
      if (matched > best.matched || (matched === best.matched && cost < best.cost - 1e-12)) {
        best = { matched, cost, choice: [...choice] };
      }

      return;
    }

    for (let p = -1; p < previous.length; p++) {
      if (p >= 0 && used.has(p)) continue;
      if (p >= 0) used.add(p);
      choice.push(p);
      const step = p >= 0 ? distance(centroids[g], previous[p].centroid) : 0;
      search(g + 1, matched + (p >= 0 ? 1 : 0), cost + step);
      choice.pop();
      used.delete(p);
    }
  };

  search(0, 0, 0);

  return best.choice;
}

function distance(a: Float64Array, b: readonly number[]): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d] - (b[d] ?? 0)) ** 2;

  return sum;
}
