import { detectLanguage, type Language } from './language';
import { isLatinBulgarian } from './latin-bulgarian';
import { normalize } from './normalize';
import { stemBulgarian } from './stem/bulgarian';
import { stemEnglish } from './stem/english';
import { BULGARIAN_STOP_WORDS } from './stopwords/bg';
import { ENGLISH_STOP_WORDS } from './stopwords/en';
import { tokenizeClauses } from './tokenize';
import { transliterateToCyrillic } from './transliterate';

/** A word of a text after analysis: surface form (lower case, Cyrillic for Bulgarian) and stem. */
export interface Token {
  surface: string;
  stem: string;
  isStopWord: boolean;
  /** Number of the clause (text between punctuation marks) the word stands in, from 0. */
  clause?: number;
}

export interface AnalyzedText {
  language: Language;
  /** True when the original was Bulgarian typed in Latin letters and was transliterated. */
  isTransliterated: boolean;
  tokens: Token[];
}

const CYRILLIC = /[\u0400-\u04FF]/u;
const LATIN = /[a-z]/u;

/**
 * Language, tokens, stems and stop-word flags of a comment. Bulgarian typed in Latin letters is
 * read as Cyrillic; each word is stemmed by the rules of its own script, so an English brand name
 * in a Bulgarian comment still gets an English stem.
 */
export function analyze(text: string, language: Language | 'auto' = 'auto'): AnalyzedText {
  const normalized = normalize(text);
  const detected = language === 'auto' ? detectLanguage(normalized) : language;
  // Detection has already vouched for a Latin text it calls Bulgarian; a caller's "bg" has not.
  const isTransliterated =
    detected === 'bg' &&
    isMostlyLatin(normalized) &&
    (language === 'auto' || isLatinBulgarian(normalized));
  const readable = isTransliterated ? transliterateToCyrillic(normalized) : normalized;

  const tokens = tokenizeClauses(readable).map(({ word, clause }) =>
    toToken(word, clause, detected),
  );

  return { language: detected, isTransliterated, tokens };
}

function isMostlyLatin(text: string): boolean {
  const latin = text.match(/[A-Za-z]/gu)?.length ?? 0;

  return latin > 0 && latin > (text.match(/[\u0400-\u04FF]/gu)?.length ?? 0);
}

function toToken(word: string, clause: number, language: Language): Token {
  if (language === 'other') return { surface: word, stem: word, isStopWord: false, clause };
  if (CYRILLIC.test(word)) {
    return {
      surface: word,
      stem: stemBulgarian(word),
      isStopWord: BULGARIAN_STOP_WORDS.has(word),
      clause,
    };
  }

  if (LATIN.test(word)) {
    const isStopWord = ENGLISH_STOP_WORDS.has(word);

    return { surface: word, stem: stemEnglish(word), isStopWord, clause };
  }

  return { surface: word, stem: word, isStopWord: false, clause };
}
