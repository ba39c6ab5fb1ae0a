export { compileWordList, strongerAction } from './matcher';
export type {
  Evasion,
  Matcher,
  NearMiss,
  NearMissReason,
  SkippedEntry,
  WordListAction,
  WordListEntry,
  WordListExplanation,
  WordListMatch,
  WordListResult,
} from './types';
