// Public surface of @razgovor/text. Pure functions: no Nest, no database, no network.
export { analyze, type AnalyzedText, type Token } from './analyze';
export { detectLanguage, type Language } from './language';
export { isLatinBulgarian } from './latin-bulgarian';
export { foldHomoglyphs, normalize } from './normalize';
export { findPhrases, surfaceForms, type Phrase, type PhraseOptions } from './phrases';
export { stemBulgarian } from './stem/bulgarian';
export { stemEnglish } from './stem/english';
export { isStopWord } from './stopwords';
export { tokenize } from './tokenize';
export { transliterateToCyrillic, transliterateToLatin } from './transliterate';
export * from './wordlist';
