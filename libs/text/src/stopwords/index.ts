import type { Language } from '../language';
import { BULGARIAN_STOP_WORDS } from './bg';
import { ENGLISH_STOP_WORDS } from './en';

/** True for a lower-case function word of the language; "other" has no list. */
export function isStopWord(word: string, language: Language): boolean {
  if (language === 'bg') return BULGARIAN_STOP_WORDS.has(word);
  if (language === 'en') return ENGLISH_STOP_WORDS.has(word);

  return false;
}
