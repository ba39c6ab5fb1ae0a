import {
  analyze,
  stemBulgarian,
  transliterateToCyrillic,
  transliterateToLatin,
} from '@razgovor/text';

const CYRILLIC = /[\u0400-\u04FF]/u;

/**
 * The stems a word may be found by, in both scripts: a Cyrillic word also yields the Latin
 * spelling of its stem, and a Latin word the Bulgarian stem of its Cyrillic reading. Comments and
 * queries expand alike, so "park" and "parks" meet "паркове", and "parkove" meets "парк".
 */
function stemsOf(word: string, stem: string): string[] {
  if (CYRILLIC.test(word)) return [stem, transliterateToLatin(stem)];

  return [stem, stemBulgarian(transliterateToCyrillic(word))];
}

/** What a comment is indexed by: every stem of its content words. */
export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const token of analyze(text).tokens) {
    if (token.isStopWord || token.surface.length < 2) continue;
    for (const stem of stemsOf(token.surface, token.stem)) terms.add(stem);
  }

  return [...terms];
}

/** The query's words, each with the stems that count as finding it. */
export function queryTerms(query: string): { terms: string[]; wordOfTerm: number[] } {
  const tokens = analyze(query).tokens.filter((token) => token.surface.length >= 2);
  const content = tokens.some((token) => !token.isStopWord)
    ? tokens.filter((token) => !token.isStopWord)
    : tokens;
  const terms: string[] = [];
  const wordOfTerm: number[] = [];
  content.forEach((token, word) => {
    for (const stem of new Set(stemsOf(token.surface, token.stem))) {
      terms.push(stem);
      wordOfTerm.push(word);
    }
  });

  return { terms, wordOfTerm };
}
