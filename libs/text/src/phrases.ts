import type { AnalyzedText } from './analyze';

/** A two-word term found across many texts, labelled by its most frequent spelling. */
export interface Phrase {
  /** The two stems joined by a space: the key to count and match the phrase by. */
  key: string;
  stems: [string, string];
  /** Most frequent surface form, e.g. "детски площадки". */
  surface: string;
  count: number;
  /** Dunning's log-likelihood ratio; above 10.83 the pair is not chance at p < 0.001. */
  logLikelihood: number;
  /** Pointwise mutual information in bits. */
  pmi: number;
}

export interface PhraseOptions {
  /** Fewest occurrences of a pair; default 3. */
  minCount?: number;
  /** Smallest log-likelihood ratio; default 10.83. */
  minLogLikelihood?: number;
  /** Most phrases to return, best first; default all. */
  limit?: number;
}

// Counts of surface forms, kept as a single string until a second spelling turns up: most pairs
// occur once, and a map per pair would cost memory across hundreds of thousands of comments.
type SurfaceTally = string | Map<string, number>;

/**
 * Frequent adjacent pairs of content words (neither a stop word, both in one clause), scored by
 * log-likelihood against chance co-occurrence. One pass over the texts, linear in their length.
 */
export function findPhrases(texts: Iterable<AnalyzedText>, options: PhraseOptions = {}): Phrase[] {
  const minCount = options.minCount ?? 3;
  const minLogLikelihood = options.minLogLikelihood ?? 10.83;
  const pairs = new Map<string, number>();
  const firsts = new Map<string, number>();
  const seconds = new Map<string, number>();
  const surfaces = new Map<string, SurfaceTally>();
  let total = 0;

  for (const { tokens } of texts) {
    for (let index = 1; index < tokens.length; index += 1) {
      const left = tokens[index - 1];
      const right = tokens[index];
      if (left.isStopWord || right.isStopWord || left.clause !== right.clause) continue;
      if (isNumber(left.stem) || isNumber(right.stem)) continue;

      const key = `${left.stem} ${right.stem}`;
      total += 1;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
      firsts.set(left.stem, (firsts.get(left.stem) ?? 0) + 1);
      seconds.set(right.stem, (seconds.get(right.stem) ?? 0) + 1);
      tally(surfaces, key, `${left.surface} ${right.surface}`);
    }
  }

  const phrases: Phrase[] = [];
  for (const [key, count] of pairs) {
    if (count < minCount) continue;
    const [first, second] = key.split(' ') as [string, string];
    const firstCount = firsts.get(first) ?? 0;
    const secondCount = seconds.get(second) ?? 0;
    const logLikelihood = dunning(count, firstCount, secondCount, total);
    if (logLikelihood < minLogLikelihood) continue;

    const pmi = Math.log2((count * total) / (firstCount * secondCount));
    const surface = mostFrequent(surfaces.get(key) ?? key);
    phrases.push({ key, stems: [first, second], surface, count, logLikelihood, pmi });
  }

  phrases.sort((left, right) => right.logLikelihood - left.logLikelihood);

  return options.limit === undefined ? phrases : phrases.slice(0, options.limit);
}

/** For every stem, its most frequent surface form: the word to show for it in a label. */
export function surfaceForms(texts: Iterable<AnalyzedText>): Map<string, string> {
  const tallies = new Map<string, SurfaceTally>();
  for (const { tokens } of texts) {
    for (const { stem, surface } of tokens) tally(tallies, stem, surface);
  }

  const result = new Map<string, string>();
  for (const [stem, surfaces] of tallies) result.set(stem, mostFrequent(surfaces));

  return result;
}

function tally(tallies: Map<string, SurfaceTally>, key: string, surface: string): void {
  const current = tallies.get(key);
  if (current === undefined) {
    tallies.set(key, surface);
  } else if (typeof current === 'string') {
    if (current === surface) {
      tallies.set(key, new Map([[surface, 2]]));
    } else {
      tallies.set(
        key,
        new Map([
          [current, 1],
          [surface, 1],
        ]),
      );
    }
  } else {
    current.set(surface, (current.get(surface) ?? 0) + 1);
  }
}

// Ties go to the shorter and then the alphabetically first form, so labels do not flicker.
function mostFrequent(tally: SurfaceTally): string {
  if (typeof tally === 'string') return tally;

  let best = '';
  let bestCount = 0;
  for (const [surface, count] of tally) {
    const isBetter =
      count > bestCount ||
      (count === bestCount &&
        (surface.length < best.length || (surface.length === best.length && surface < best)));
    if (isBetter) {
      best = surface;
      bestCount = count;
    }
  }

  return best;
}

function isNumber(stem: string): boolean {
  return /^\p{N}+$/u.test(stem);
}

// G² over the 2x2 table of (first word is A or not) x (second word is B or not).
function dunning(both: number, first: number, second: number, total: number): number {
  const cells = [
    [both, first, second],
    [first - both, first, total - second],
    [second - both, total - first, second],
    [total - first - second + both, total - first, total - second],
  ];
  let sum = 0;
  for (const [observed, row, column] of cells) {
    if (observed > 0) sum += observed * Math.log((observed * total) / (row * column));
  }

  return 2 * sum;
}
