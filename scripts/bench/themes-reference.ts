// The reference the themes pipeline must beat: plain sparse TF-IDF (raw tf, log idf, no pruning,
// no stems) and spherical k-means with k-means++ seeding, k fixed, best of 5 restarts.
import { tokenize } from '@razgovor/text';

interface Row {
  indices: number[];
  values: number[];
}

function createRandom(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function vectorize(texts: string[]): { rows: Row[]; columns: number } {
  const index = new Map<string, number>();
  const counts = texts.map((text) => {
    const tf = new Map<number, number>();
    for (const word of tokenize(text)) {
      if (!index.has(word)) index.set(word, index.size);
      const id = index.get(word) as number;
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }

    return tf;
  });
  const df = new Float64Array(index.size);
  for (const tf of counts) for (const id of tf.keys()) df[id]++;
  const rows = counts.map((tf) => {
    const indices = [...tf.keys()];
    const values = indices.map((id) => (tf.get(id) ?? 0) * Math.log(texts.length / df[id]));
    const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;

    return { indices, values: values.map((value) => value / norm) };
  });

  return { rows, columns: index.size };
}

function similarity(row: Row, centroids: Float64Array, c: number, columns: number): number {
  let sum = 0;
  for (let p = 0; p < row.indices.length; p++)
    sum += row.values[p] * centroids[c * columns + row.indices[p]];

  return sum;
}

function run(rows: Row[], columns: number, k: number, random: () => number) {
  const centroids = new Float64Array(k * columns);
  const distance = new Float64Array(rows.length).fill(Infinity);
  let chosen = Math.floor(random() * rows.length);
  for (let c = 0; c < k; c++) {
    const seed = rows[chosen];
    seed.indices.forEach((id, p) => (centroids[c * columns + id] = seed.values[p]));
    let total = 0;
    rows.forEach((row, i) => {
      distance[i] = Math.min(
        distance[i],
        Math.max(0, 2 - 2 * similarity(row, centroids, c, columns)),
      );
      total += distance[i];
    });
    let target = random() * total;
    chosen = rows.length - 1;
    for (let i = 0; i < rows.length; i++) {
      target -= distance[i];
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
  }

  const labels = new Int32Array(rows.length).fill(-1);
  let objective = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    let changed = 0;
    objective = 0;
    rows.forEach((row, i) => {
      let best = 0;
      let bestSimilarity = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = similarity(row, centroids, c, columns);
        if (s > bestSimilarity) [best, bestSimilarity] = [c, s];
      }

      if (labels[i] !== best) changed++;
      labels[i] = best;
      objective += bestSimilarity;
    });
    if (changed === 0) break;
    centroids.fill(0);
    rows.forEach((row, i) => {
      row.indices.forEach((id, p) => (centroids[labels[i] * columns + id] += row.values[p]));
    });
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < columns; j++) norm += centroids[c * columns + j] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < columns; j++) centroids[c * columns + j] /= norm;
    }
  }

  return { labels: Array.from(labels), objective };
}

export function referenceClustering(texts: string[], k: number, seed: number): number[] {
  const { rows, columns } = vectorize(texts);
  const random = createRandom(seed);
  let best = run(rows, columns, k, random);
  for (let restart = 1; restart < 5; restart++) {
    const candidate = run(rows, columns, k, random);
    if (candidate.objective > best.objective) best = candidate;
  }

  return best.labels;
}
