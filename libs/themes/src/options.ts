import type { LanguageOption } from './features';

export interface ThemeOptions {
  /** Same seed and input, same themes. */
  seed?: number;
  /** Fixes the number of groups; a non-empty "other" group counts as one of them. */
  k?: number;
  /** Bounds on the number of themes chosen automatically ("other" not counted). */
  minK?: number;
  maxK?: number;
  language?: LanguageOption;
  /** Map English words onto Bulgarian concepts so both languages share themes. */
  bilingual?: boolean;
  minDocumentFrequency?: number;
  /** Features in more than this share of the comments carry no theme and are dropped. */
  maxDocumentFraction?: number;
  maxFeatures?: number;
  /**
   * Below this cosine to every theme (in the tf-idf space) a comment goes to "other". By default
   * it is calibrated on the run: the mean cosine of the comments to the themes they are not in.
   */
  otherThreshold?: number;
  temperature?: number;
  termCount?: number;
  representativeCount?: number;
  onProgress?: (stage: ThemeStage, done: number, total: number) => void;
}

export type ThemeStage = 'features' | 'clustering' | 'labels';

export type ResolvedOptions = Required<Omit<ThemeOptions, 'k' | 'onProgress' | 'otherThreshold'>> &
  Pick<ThemeOptions, 'k' | 'onProgress' | 'otherThreshold'>;

/**
 * Default upper bound: one theme per thirty comments, at least 2 and at most 16. The number is
 * chosen below it by modularity; the bound only keeps themes large enough to read and to defend.
 */
export function defaultMaxK(count: number): number {
  return Math.max(2, Math.min(16, Math.round(count / 30)));
}

export function resolveOptions(count: number, options: ThemeOptions): ResolvedOptions {
  const maxK = options.maxK ?? defaultMaxK(count);
  const minK = Math.min(options.minK ?? 2, maxK);
  if (options.k !== undefined && (!Number.isInteger(options.k) || options.k < 1)) {
    throw new Error(`k must be a positive integer, got ${options.k}`);
  }

  if (!Number.isInteger(minK) || minK < 1 || !Number.isInteger(maxK)) {
    throw new Error(`minK and maxK must be positive integers, got ${minK} and ${maxK}`);
  }

  return {
    seed: options.seed ?? 1,
    k: options.k,
    minK,
    maxK,
    language: options.language ?? 'auto',
    bilingual: options.bilingual ?? true,
    minDocumentFrequency: options.minDocumentFrequency ?? 2,
    maxDocumentFraction: options.maxDocumentFraction ?? 0.5,
    maxFeatures: options.maxFeatures ?? 30_000,
    otherThreshold: options.otherThreshold,
    temperature: options.temperature ?? 0.1,
    termCount: options.termCount ?? 8,
    representativeCount: options.representativeCount ?? 5,
    onProgress: options.onProgress,
  };
}
