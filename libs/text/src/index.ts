// Public surface of @razgovor/text. Pure functions: no Nest, no database, no network.
export type Language = 'bg' | 'en' | 'other';

/** A word of a text after analysis: its surface form (lower case, Cyrillic for Bulgarian) and stem. */
export interface Token {
  surface: string;
  stem: string;
  isStopWord: boolean;
}

export interface AnalyzedText {
  language: Language;
  /** True when the original was Bulgarian typed in Latin letters and was transliterated. */
  isTransliterated: boolean;
  tokens: Token[];
}

export function normalize(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export function tokenize(text: string): string[] {
  return normalize(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function detectLanguage(text: string): Language {
  const letters = text.match(/\p{L}/gu) ?? [];
  const cyrillic = letters.filter((letter) => /\p{Script=Cyrillic}/u.test(letter)).length;
  if (letters.length === 0) return 'other';

  return cyrillic / letters.length > 0.5 ? 'bg' : 'en';
}

export function analyze(text: string, language: Language | 'auto' = 'auto'): AnalyzedText {
  const detected = language === 'auto' ? detectLanguage(text) : language;

  return {
    language: detected,
    isTransliterated: false,
    tokens: tokenize(text).map((word) => ({ surface: word, stem: word, isStopWord: false })),
  };
}
