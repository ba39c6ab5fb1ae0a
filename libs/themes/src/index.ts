// Public surface of @razgovor/themes. Pure and deterministic for a seed: no I/O, no Nest.
export { findThemes, termsOf } from './pipeline';
export type { Theme, ThemeResult } from './pipeline';
export type { ThemeOptions, ThemeStage } from './options';
export { defaultMaxK } from './options';
export { assignComment, loadModel, serializeModel, vectorOf } from './model';
export type { Placement, ThemeModel } from './model';
export type { LanguageOption } from './features';
export { ari, nmi } from './metrics';
export type { Partition } from './metrics';

/**
 * Names the clustering code in stored theme runs. Change it whenever the same input and seed
 * could give a different result, so a run can say which code made it.
 */
export const themesCodeVersion = 'themes-2026.12-modularity-merge-1';
