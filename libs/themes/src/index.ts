// Public surface of @razgovor/themes. Pure and deterministic for a seed: no I/O, no Nest.
export { findThemes } from './pipeline';
export type { Theme, ThemeResult } from './pipeline';
export type { ThemeOptions, ThemeStage } from './options';
export { defaultMaxK } from './options';
export { assignComment, loadModel, serializeModel } from './model';
export type { Placement, ThemeModel } from './model';
export type { LanguageOption } from './features';
export { ari, nmi } from './metrics';
export type { Partition } from './metrics';
