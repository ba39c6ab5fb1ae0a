import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Porter stem of a lower-case English word; numbers and non-Latin words come back unchanged. */
export function stemEnglish(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;

  const stem = /^[a-z][a-z']*$/u.test(word) ? PorterStemmer.stem(word.replace(/'/gu, '')) : word;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);

  return stem;
}
