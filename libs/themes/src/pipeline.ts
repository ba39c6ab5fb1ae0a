import type { Candidate, ClusterChoice } from './choose-k';
import { clusterRows } from './choose-k';
import type { Term } from './features';
import { extractUnits, resolveLoans, toTerms } from './features';
import { labelThemes } from './labels';
import { defaultLexicon } from './lexicon';
import type { ThemeModel } from './model';
import { place } from './model';
import type { ResolvedOptions, ThemeOptions } from './options';
import { resolveOptions } from './options';
import { createRandom } from './random';
import { pickRepresentatives } from './representatives';
import type { SparseRows, SparseVector } from './sparse';
import { multiplyDense, selectRows } from './sparse';
import { transpose } from './sparse-kmeans';
import type { Vocabulary } from './tfidf';
import { buildVocabulary, pickSurfaces, vectorizeAll } from './tfidf';

export interface Theme {
  id: number;
  label: string;
  terms: string[];
  size: number;
  /** Indexes of the input comments that illustrate the theme best. */
  representatives: number[];
}

export interface ThemeResult {
  themes: Theme[];
  /** One per input comment, in input order; theme null means the "other" group. */
  assignments: Array<{ theme: number | null; confidence: number }>;
  model: ThemeModel;
  /** How every candidate number of themes scored (one entry when k was fixed). */
  scores: Candidate[];
}

export function extractTerms(texts: string[], options: ResolvedOptions): Term[][] {
  const lexicon = options.bilingual ? defaultLexicon() : null;
  const documents = texts.map((text, i) => {
    if (i % 1000 === 0) options.onProgress?.('features', i, texts.length);

    return extractUnits(text, { language: options.language, lexicon });
  });

  if (lexicon) {
    const bulgarian = new Map<string, number>();
    for (const units of documents) {
      for (const key of new Set(units.map((unit) => unit.key))) {
        if (/\p{Script=Cyrillic}/u.test(key)) bulgarian.set(key, (bulgarian.get(key) ?? 0) + 1);
      }
    }

    const isKnown = (stem: string) => (bulgarian.get(stem) ?? 0) >= options.minDocumentFrequency;
    const hasBulgarian = [...bulgarian.values()].some(
      (count) => count >= options.minDocumentFrequency,
    );
    if (hasBulgarian) for (const units of documents) resolveLoans(units, isKnown);
  }

  options.onProgress?.('features', texts.length, texts.length);

  return documents.map(toTerms);
}

function isEmptyRow(rows: SparseRows, row: number): boolean {
  return rows.rowPointers[row] === rows.rowPointers[row + 1];
}

interface Grouping {
  choice: ClusterChoice;
  /** Theme of every clustered row, -1 for rows in the "other" group. */
  labels: Int32Array;
  /** Cosine of every clustered row to every theme, row-major rows x k. */
  similarities: Float64Array;
  otherThreshold: number;
}

/**
 * A comment fits nowhere when it is no closer to its nearest theme than comments typically are
 * to the themes they do not belong to: that level is measured on every run, so it follows the
 * length of the comments and the size of the vocabulary instead of being a constant.
 */
function calibrateThreshold(similarities: Float64Array, k: number): number {
  const count = similarities.length / k;
  if (k < 2 || count === 0) return 0;

  let foreign = 0;
  for (let i = 0; i < count; i++) {
    let best = -Infinity;
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const value = similarities[i * k + c];
      sum += value;
      best = Math.max(best, value);
    }

    foreign += (sum - best) / (k - 1);
  }

  return foreign / count;
}

function group(rows: SparseRows, candidates: number[], options: ResolvedOptions, seed: number) {
  const choice = clusterRows(
    rows,
    { candidates, onStep: (done, total) => options.onProgress?.('clustering', done, total) },
    createRandom(seed),
  );
  const { k } = choice;
  const similarities = multiplyDense(rows, transpose(choice.centroids, k, rows.columns), k);
  const otherThreshold = options.otherThreshold ?? calibrateThreshold(similarities, k);
  const labels = new Int32Array(rows.rows);
  for (let i = 0; i < rows.rows; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (similarities[i * k + c] > similarities[i * k + best]) best = c;
    // A comment sharing no feature with any theme is "other" whatever the threshold.
    const value = similarities[i * k + best];
    labels[i] = value <= 0 || value < otherThreshold ? -1 : best;
  }

  return { choice, labels, similarities, otherThreshold };
}

function groupRows(
  rows: SparseRows,
  options: ResolvedOptions,
  seed: number,
  hasEmptyRows: boolean,
): Grouping {
  const limit = Math.max(1, rows.rows);
  if (options.k === undefined) {
    const maxK = Math.min(options.maxK, limit);
    const minK = Math.min(options.minK, maxK);
    const candidates = Array.from({ length: maxK - minK + 1 }, (_, i) => minK + i);

    return group(rows, candidates, options, seed);
  }

  // With k fixed, "other" takes one of the k places when it is not empty.
  if (options.k > 1) {
    const withOther = group(rows, [Math.min(options.k - 1, limit)], options, seed);
    if (hasEmptyRows || withOther.labels.includes(-1)) return withOther;
  }

  return group(rows, [Math.min(options.k, limit)], options, seed);
}

function sparseCentroid(centroids: Float64Array, theme: number, columns: number): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < columns; j++) {
    const value = centroids[theme * columns + j];
    if (value === 0) continue;
    indices.push(j);
    values.push(value);
  }

  return { indices, values };
}

function buildModel(
  vocabulary: Vocabulary,
  centroids: SparseVector[],
  options: ResolvedOptions,
  otherThreshold: number,
): ThemeModel {
  return {
    version: 2,
    language: options.language,
    bilingual: options.bilingual,
    features: vocabulary.features,
    idf: Array.from(vocabulary.idf),
    themeIds: centroids.map((_, i) => i),
    centroids,
    otherThreshold,
    temperature: options.temperature,
  };
}

/** Finds the themes of a set of comments. Pure and deterministic for a given seed. */
export function findThemes(texts: string[], themeOptions: ThemeOptions = {}): ThemeResult {
  const options = resolveOptions(texts.length, themeOptions);
  const random = createRandom(options.seed);

  const documents = extractTerms(texts, options);
  const vocabulary = buildVocabulary(documents, options);
  const rows = vectorizeAll(documents, vocabulary);
  const surfaces = pickSurfaces(documents, vocabulary);

  const clustered = Array.from({ length: texts.length }, (_, i) => i).filter(
    (row) => !isEmptyRow(rows, row),
  );
  const points = clustered.length === rows.rows ? rows : selectRows(rows, clustered);
  const seed = Math.floor(random() * 2 ** 31);
  const grouping = groupRows(points, options, seed, clustered.length < texts.length);
  const { k } = grouping.choice;

  // Themes are numbered by size, largest first, so ids read the same across similar runs.
  const sizes = new Int32Array(k);
  for (const label of grouping.labels) if (label >= 0) sizes[label]++;
  const order = Array.from({ length: k }, (_, i) => i)
    .filter((theme) => sizes[theme] > 0)
    .sort((a, b) => sizes[b] - sizes[a] || a - b);
  const renumber = new Int32Array(k).fill(-1);
  order.forEach((theme, id) => (renumber[theme] = id));

  const labels = new Int32Array(texts.length).fill(-1);
  const similarities = new Float64Array(texts.length);
  clustered.forEach((row, i) => {
    const label = grouping.labels[i];
    labels[row] = label < 0 ? -1 : renumber[label];
    similarities[row] = label < 0 ? 0 : grouping.similarities[i * k + label];
  });
  const { centroids: dense } = grouping.choice;
  const centroids = order.map((theme) => sparseCentroid(dense, theme, rows.columns));
  const model = buildModel(vocabulary, centroids, options, grouping.otherThreshold);

  options.onProgress?.('labels', 0, 1);
  const described = labelThemes({
    rows,
    features: vocabulary.features,
    surfaces,
    labels,
    themeCount: order.length,
    termCount: options.termCount,
  });
  const assignments = placeAll(texts.length, clustered, grouping, order, model);
  const themes = order.map((theme, id): Theme => {
    const members = clustered.filter((row) => labels[row] === id);

    return {
      id,
      label: described[id].label,
      terms: described[id].terms,
      size: members.length,
      representatives: pickRepresentatives(
        rows,
        members,
        similarities,
        options.representativeCount,
      ),
    };
  });
  options.onProgress?.('labels', 1, 1);

  return { themes, assignments, model, scores: grouping.choice.scores };
}

/** Confidences from the cosines already computed, in the order of the model's themes. */
function placeAll(
  count: number,
  clustered: number[],
  grouping: Grouping,
  order: number[],
  model: ThemeModel,
): ThemeResult['assignments'] {
  const { k } = grouping.choice;
  const assignments: ThemeResult['assignments'] = Array.from({ length: count }, () => ({
    theme: null,
    confidence: 1,
  }));
  const similarities = new Float64Array(order.length);
  clustered.forEach((row, i) => {
    order.forEach((theme, t) => (similarities[t] = grouping.similarities[i * k + theme]));
    assignments[row] = place(similarities, model);
  });

  return assignments;
}

/**
 * The terms each text is clustered on (stems, bilingual concepts, bigrams), for other
 * classifiers that should see comments the way the themes do.
 */
export function termsOf(texts: string[], themeOptions: ThemeOptions = {}): string[][] {
  const options = resolveOptions(texts.length, themeOptions);

  return extractTerms(texts, options).map((terms) => terms.map((term) => term.key));
}
