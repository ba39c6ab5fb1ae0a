import { isBigram } from './features';
import type { SparseRows } from './sparse';

export interface ThemeTerms {
  label: string;
  terms: string[];
}

export interface LabelInput {
  rows: SparseRows;
  features: string[];
  surfaces: string[];
  /** Theme index of every row, -1 for rows outside every theme. */
  labels: Int32Array;
  themeCount: number;
  termCount: number;
}

interface Scored {
  feature: number;
  score: number;
}

function parts(key: string): string[] {
  return key.split(' ');
}

function overlaps(key: string, chosen: string[]): boolean {
  const words = parts(key);

  return chosen.some((other) => parts(other).some((word) => words.includes(word)));
}

/**
 * Scores each feature by how much more often it occurs inside a theme than outside it,
 * weighted by how common it is inside (a smoothed log-odds times coverage): words every theme
 * shares score near zero, and rare words cannot win on a single comment.
 */
function scoreFeatures(
  input: LabelInput,
  frequency: Int32Array,
  inside: Int32Array,
  sizes: Int32Array,
  theme: number,
) {
  const { rows, features } = input;
  const total = rows.rows;
  const size = sizes[theme];
  const scored: Scored[] = [];

  for (let feature = 0; feature < features.length; feature++) {
    const count = inside[theme * features.length + feature];
    if (count < Math.min(2, size)) continue;
    const pInside = (count + 0.5) / (size + 1);
    const pOutside = (frequency[feature] - count + 0.5) / (total - size + 1);
    if (pInside <= pOutside) continue;
    scored.push({ feature, score: pInside * Math.log(pInside / pOutside) });
  }

  return scored.sort((a, b) => b.score - a.score || a.feature - b.feature);
}

export function labelThemes(input: LabelInput): ThemeTerms[] {
  const { rows, features, surfaces, labels, themeCount, termCount } = input;
  const inside = new Int32Array(themeCount * features.length);
  const sizes = new Int32Array(themeCount);
  const frequency = new Int32Array(features.length);
  for (let p = 0; p < rows.indices.length; p++) frequency[rows.indices[p]]++;
  for (let row = 0; row < rows.rows; row++) {
    const theme = labels[row];
    if (theme < 0) continue;
    sizes[theme]++;
    for (let p = rows.rowPointers[row]; p < rows.rowPointers[row + 1]; p++) {
      inside[theme * features.length + rows.indices[p]]++;
    }
  }

  return Array.from({ length: themeCount }, (_, theme) => {
    const scored = scoreFeatures(input, frequency, inside, sizes, theme);
    const chosen: Scored[] = [];
    // A phrase leads when it carries most of the weight of the best word it contains.
    const first = scored[0];
    if (first && !isBigram(features[first.feature])) {
      const phrase = scored.find(
        (item) =>
          isBigram(features[item.feature]) &&
          parts(features[item.feature]).includes(features[first.feature]) &&
          item.score >= first.score / 2,
      );
      chosen.push(phrase ?? first);
    }

    for (const candidate of scored) {
      if (chosen.length >= termCount) break;
      const key = features[candidate.feature];
      if (
        overlaps(
          key,
          chosen.map((item) => features[item.feature]),
        )
      )
        continue;
      chosen.push(candidate);
    }

    const terms = chosen.map((item) => surfaces[item.feature]);

    return { label: terms.slice(0, 2).join(', '), terms };
  });
}
