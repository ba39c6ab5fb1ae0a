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
import { rowOf, selectRows, sparseDot } from './sparse';
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

function extractTerms(texts: string[], options: ResolvedOptions): Term[][] {
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
    for (const units of documents) resolveLoans(units, isKnown);
  }

  options.onProgress?.('features', texts.length, texts.length);

  return documents.map(toTerms);
}

function isEmptyRow(rows: SparseRows, row: number): boolean {
  return rows.rowPointers[row] === rows.rowPointers[row + 1];
}

interface Grouping {
  choice: ClusterChoice;
  /** Theme of every clustered row, -1 for rows below the "other" threshold. */
  labels: Int32Array;
}

function groupRows(
  rows: SparseRows,
  options: ResolvedOptions,
  seed: number,
  hasEmptyRows: boolean,
): Grouping {
  const group = (candidates: number[]): Grouping => {
    const choice = clusterRows(
      rows,
      {
        candidates,
        onStep: (done, total) => options.onProgress?.('clustering', done, total),
      },
      createRandom(seed),
    );
    const { labels, similarities } = choice.clustering;
    const grouped = labels.map((label, i) =>
      similarities[i] < options.otherThreshold ? -1 : label,
    );

    return { choice, labels: grouped };
  };

  const limit = Math.max(1, rows.rows);
  if (options.k === undefined) {
    const maxK = Math.min(options.maxK, limit);
    const minK = Math.min(options.minK, maxK);

    return group(Array.from({ length: maxK - minK + 1 }, (_, i) => minK + i));
  }

  // With k fixed, "other" takes one of the k places when it is not empty.
  if (options.k > 1) {
    const withOther = group([Math.min(options.k - 1, limit)]);
    if (hasEmptyRows || withOther.labels.includes(-1)) return withOther;
  }

  return group([Math.min(options.k, limit)]);
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
): ThemeModel {
  return {
    version: 2,
    language: options.language,
    bilingual: options.bilingual,
    features: vocabulary.features,
    idf: Array.from(vocabulary.idf),
    themeIds: centroids.map((_, i) => i),
    centroids,
    otherThreshold: options.otherThreshold,
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
  const { clustering } = grouping.choice;

  // Themes are numbered by size, largest first, so ids read the same across similar runs.
  const sizes = new Int32Array(clustering.k);
  for (const label of grouping.labels) if (label >= 0) sizes[label]++;
  const order = Array.from({ length: clustering.k }, (_, i) => i)
    .filter((theme) => sizes[theme] > 0)
    .sort((a, b) => sizes[b] - sizes[a] || a - b);
  const renumber = new Int32Array(clustering.k).fill(-1);
  order.forEach((theme, id) => (renumber[theme] = id));

  const labels = new Int32Array(texts.length).fill(-1);
  const similarities = new Float64Array(texts.length);
  clustered.forEach((row, i) => {
    const label = grouping.labels[i];
    labels[row] = label < 0 ? -1 : renumber[label];
    similarities[row] = clustering.similarities[i];
  });
  const centroids = order.map((theme) => sparseCentroid(clustering.centroids, theme, rows.columns));
  const model = buildModel(vocabulary, centroids, options);

  options.onProgress?.('labels', 0, 1);
  const described = labelThemes({
    rows,
    features: vocabulary.features,
    surfaces,
    labels,
    themeCount: order.length,
    termCount: options.termCount,
  });
  const assignments = placeAll(rows, model);
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

function placeAll(rows: SparseRows, model: ThemeModel): ThemeResult['assignments'] {
  const similarities = new Float64Array(model.centroids.length);

  return Array.from({ length: rows.rows }, (_, row) => {
    if (isEmptyRow(rows, row)) return { theme: null, confidence: 1 };
    const vector = rowOf(rows, row);
    model.centroids.forEach((centroid, t) => (similarities[t] = sparseDot(vector, centroid)));

    return place(similarities, model);
  });
}
