import type { LanguageOption } from './features';
import { extractUnits, resolveLoans, toTerms } from './features';
import { defaultLexicon } from './lexicon';
import { vectorize } from './tfidf';

/** Everything needed to place a new comment among the themes; plain data, JSON round-trips. */
export interface ThemeModel {
  version: 1;
  language: LanguageOption;
  bilingual: boolean;
  features: string[];
  idf: number[];
  dimensions: number;
  /** Row-major features x dimensions (the LSA projection). */
  projection: number[];
  themeIds: number[];
  /** Unit-length centroids in the reduced space, in the order of themeIds. */
  centroids: number[][];
  /** Below this cosine to every centroid a comment belongs to no theme. */
  otherThreshold: number;
  /** Softmax temperature that turns cosines into confidences. */
  temperature: number;
}

export interface Placement {
  theme: number | null;
  confidence: number;
}

/**
 * The "other" group competes as if it were a centroid at the threshold, so the confidence of a
 * theme falls as a comment nears the threshold, and the confidence of "other" rises.
 */
export function place(similarities: ArrayLike<number>, model: ThemeModel): Placement {
  let best = -1;
  let bestSimilarity = model.otherThreshold;
  for (let t = 0; t < similarities.length; t++) {
    if (similarities[t] > bestSimilarity) {
      best = t;
      bestSimilarity = similarities[t];
    }
  }

  let partition = Math.exp((model.otherThreshold - bestSimilarity) / model.temperature);
  for (let t = 0; t < similarities.length; t++) {
    partition += Math.exp((similarities[t] - bestSimilarity) / model.temperature);
  }

  return { theme: best < 0 ? null : model.themeIds[best], confidence: 1 / partition };
}

const indexes = new WeakMap<ThemeModel, Map<string, number>>();

function featureIndex(model: ThemeModel): Map<string, number> {
  let index = indexes.get(model);
  if (!index) {
    index = new Map(model.features.map((key, i) => [key, i]));
    indexes.set(model, index);
  }

  return index;
}

/** The unit-length embedding of one comment, or null when it shares no feature with the model. */
export function embed(model: ThemeModel, text: string): Float64Array | null {
  const index = featureIndex(model);
  const units = extractUnits(text, {
    language: model.language,
    lexicon: model.bilingual ? defaultLexicon() : null,
  });
  resolveLoans(units, (stem) => index.has(stem));
  const vector = vectorize(
    toTerms(units).map((term) => term.key),
    index,
    model.idf,
  );
  if (vector.indices.length === 0) return null;

  const embedding = new Float64Array(model.dimensions);
  vector.indices.forEach((feature, i) => {
    const offset = feature * model.dimensions;
    for (let d = 0; d < model.dimensions; d++) {
      embedding[d] += vector.values[i] * model.projection[offset + d];
    }
  });
  let norm = 0;
  for (const value of embedding) norm += value * value;
  if (norm === 0) return null;
  norm = Math.sqrt(norm);

  return embedding.map((value) => value / norm);
}

/** Places one new comment in the nearest theme of a fitted model. */
export function assignComment(model: ThemeModel, text: string): Placement {
  const embedding = embed(model, text);
  if (!embedding) return { theme: null, confidence: 1 };

  const similarities = model.centroids.map((centroid) => {
    let sum = 0;
    for (let d = 0; d < model.dimensions; d++) sum += centroid[d] * embedding[d];

    return sum;
  });

  return place(similarities, model);
}

export function serializeModel(model: ThemeModel): string {
  return JSON.stringify(model);
}

export function loadModel(json: string): ThemeModel {
  const data = JSON.parse(json) as Partial<ThemeModel>;
  const isValid =
    data.version === 1 &&
    Array.isArray(data.features) &&
    Array.isArray(data.idf) &&
    Array.isArray(data.projection) &&
    Array.isArray(data.centroids) &&
    Array.isArray(data.themeIds) &&
    typeof data.dimensions === 'number' &&
    data.projection.length === data.features.length * data.dimensions;
  if (!isValid) throw new Error('Theme model is malformed or of an unknown version');

  return data as ThemeModel;
}
