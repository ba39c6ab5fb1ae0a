import type { Term } from './features';
import { isBigram } from './features';
import type { SparseRows, SparseVector } from './sparse';
import { normalizeSparse, toSparseRows } from './sparse';

export interface Vocabulary {
  features: string[];
  index: Map<string, number>;
  idf: Float64Array;
  documentFrequency: Int32Array;
}

export interface VocabularyOptions {
  minDocumentFrequency: number;
  maxDocumentFraction: number;
  maxFeatures: number;
}

function countDocumentFrequency(documents: Term[][]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const terms of documents) {
    for (const key of new Set(terms.map((term) => term.key))) {
      frequency.set(key, (frequency.get(key) ?? 0) + 1);
    }
  }

  return frequency;
}

export function buildVocabulary(documents: Term[][], options: VocabularyOptions): Vocabulary {
  const total = documents.length;
  const frequency = countDocumentFrequency(documents);
  // A bigram must recur more than a word to count as a phrase rather than a coincidence.
  const bigramMinimum = Math.max(options.minDocumentFrequency, 3);
  const maximum = Math.max(options.maxDocumentFraction * total, bigramMinimum);

  const kept = [...frequency.entries()].filter(([key, count]) => {
    const minimum = isBigram(key) ? bigramMinimum : options.minDocumentFrequency;

    return count >= minimum && count <= maximum;
  });
  // Most frequent first, ties by key, so the vocabulary does not depend on Map internals.
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const chosen = kept.slice(0, options.maxFeatures);

  const features = chosen.map(([key]) => key);
  const documentFrequency = Int32Array.from(chosen.map(([, count]) => count));
  // Plain log(N / df): the smoothed form (+1) lifts common words against rare ones, and on short
  // comments a few common words then decide the clusters.
  const idf = Float64Array.from(chosen.map(([, count]) => Math.log(total / count)));

  return { features, index: new Map(features.map((key, i) => [key, i])), idf, documentFrequency };
}

/** Sublinear tf times idf, L2-normalised; terms outside the vocabulary are dropped. */
export function vectorize(
  keys: string[],
  index: ReadonlyMap<string, number>,
  idf: ArrayLike<number>,
): SparseVector {
  const counts = new Map<number, number>();
  for (const key of keys) {
    const feature = index.get(key);
    if (feature !== undefined) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }

  const indices = [...counts.keys()].sort((a, b) => a - b);
  const values = indices.map((feature) => (1 + Math.log(counts.get(feature) ?? 1)) * idf[feature]);

  return normalizeSparse({ indices, values });
}

export function vectorizeAll(documents: Term[][], vocabulary: Vocabulary): SparseRows {
  const vectors = documents.map((terms) =>
    vectorize(
      terms.map((term) => term.key),
      vocabulary.index,
      vocabulary.idf,
    ),
  );

  return toSparseRows(vectors, vocabulary.features.length);
}

/** The most frequent surface form of every feature, for labels people can read. */
export function pickSurfaces(documents: Term[][], vocabulary: Vocabulary): string[] {
  const counts = vocabulary.features.map(() => new Map<string, number>());
  for (const terms of documents) {
    for (const term of terms) {
      const feature = vocabulary.index.get(term.key);
      if (feature === undefined) continue;
      const forms = counts[feature];
      forms.set(term.surface, (forms.get(term.surface) ?? 0) + 1);
    }
  }

  return counts.map((forms, feature) => {
    let best = vocabulary.features[feature];
    let bestCount = 0;
    for (const [surface, count] of forms) {
      if (count > bestCount || (count === bestCount && surface < best)) {
        best = surface;
        bestCount = count;
      }
    }

    return best;
  });
}
