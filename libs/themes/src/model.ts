import type { LanguageOption } from './features';
import { extractUnits, resolveLoans, toTerms } from './features';
import { defaultLexicon } from './lexicon';
import type { SparseVector } from './sparse';
import { sparseDot } from './sparse';
import { vectorize } from './tfidf';

/** Everything needed to place a new comment among the themes; plain data, JSON round-trips. */
export interface ThemeModel {
  version: 2;
  language: LanguageOption;
  bilingual: boolean;
  features: string[];
  idf: number[];
  themeIds: number[];
  /** Unit-length centroids over the features, stored sparse, in the order of themeIds. */
  centroids: SparseVector[];
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

/** The unit-length tf-idf vector of one comment over the features of a model. */
export function vectorOf(model: ThemeModel, text: string): SparseVector {
  const index = featureIndex(model);
  const units = extractUnits(text, {
    language: model.language,
    lexicon: model.bilingual ? defaultLexicon() : null,
  });
  resolveLoans(units, (stem) => index.has(stem));

  return vectorize(
    toTerms(units).map((term) => term.key),
    index,
    model.idf,
  );
}

/** Places one new comment in the nearest theme of a fitted model. */
export function assignComment(model: ThemeModel, text: string): Placement {
  const vector = vectorOf(model, text);
  if (vector.indices.length === 0) return { theme: null, confidence: 1 };

  return place(
    model.centroids.map((centroid) => sparseDot(vector, centroid)),
    model,
  );
}

export function serializeModel(model: ThemeModel): string {
  return JSON.stringify(model);
}

export function loadModel(json: string): ThemeModel {
  const data = JSON.parse(json) as Partial<ThemeModel>;
  const isValid =
    data.version === 2 &&
    Array.isArray(data.features) &&
    Array.isArray(data.idf) &&
    data.idf.length === data.features.length &&
    Array.isArray(data.themeIds) &&
    Array.isArray(data.centroids) &&
    data.centroids.length === data.themeIds.length &&
    data.centroids.every(
      (centroid) =>
        Array.isArray(centroid.indices) && centroid.indices.length === centroid.values.length,
    );
  if (!isValid) throw new Error('Theme model is malformed or of an unknown version');

  return data as ThemeModel;
}
