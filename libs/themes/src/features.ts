import { analyze, stemBulgarian } from '@razgovor/text';
import type { Lexicon } from './lexicon';
import { lexiconKey } from './lexicon';

export type LanguageOption = 'auto' | 'bg' | 'en';

/** One countable unit of a comment: a lexicon concept (key starts with "=") or a stem. */
export interface FeatureUnit {
  key: string;
  surface: string;
  /** A Latin word that may be a loan of a Bulgarian stem ("parking" -> "паркинг"). */
  isLatin?: boolean;
}

export interface ExtractionOptions {
  language: LanguageOption;
  lexicon: Lexicon | null;
}

const LATIN_DIGRAPHS: Array<[string, string]> = [
  ['sht', 'щ'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['ts', 'ц'],
  ['ya', 'я'],
  ['yu', 'ю'],
  ['ph', 'ф'],
  ['th', 'т'],
  ['ck', 'к'],
  ['qu', 'кв'],
  ['dg', 'дж'],
  ['ee', 'и'],
  ['oo', 'у'],
];
const LATIN_LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'к',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'дж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'у',
  x: 'кс',
  y: 'и',
  z: 'з',
};

/** Spells an English word the way Bulgarian usually borrows it; only a guess to be checked. */
export function transliterateLoan(word: string): string {
  let result = '';
  let i = 0;
  while (i < word.length) {
    const digraph = LATIN_DIGRAPHS.find(([latin]) => word.startsWith(latin, i));
    if (digraph) {
      result += digraph[1];
      i += digraph[0].length;
      continue;
    }

    const letter = word[i];
    result +=
      /[ei]/u.test(word[i + 1] ?? '') && letter === 'c' ? 'с' : (LATIN_LETTERS[letter] ?? '');
    i++;
  }

  return result;
}

const loanCache = new Map<string, string[]>();

function loanCandidates(surface: string, stem: string): string[] {
  const cached = loanCache.get(surface);
  if (cached) return cached;

  const candidates: string[] = [];
  for (const word of new Set([surface, stem])) {
    // The spelling is one word of lower-case Cyrillic letters, so it needs no analysis but a stem.
    const cyrillic = transliterateLoan(word);
    const stem = cyrillic ? stemBulgarian(cyrillic) : '';
    if (stem.length >= 4 && !candidates.includes(stem)) candidates.push(stem);
  }

  if (loanCache.size < 100_000) loanCache.set(surface, candidates);

  return candidates;
}

const keyCache = new Map<string, string>();

function cachedLexiconKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    key = lexiconKey(word);
    if (keyCache.size >= 200_000) keyCache.clear();
    keyCache.set(word, key);
  }

  return key;
}

function isUsefulWord(word: string): boolean {
  return word.length >= 2 && /\p{L}/u.test(word);
}

export function extractUnits(text: string, options: ExtractionOptions): FeatureUnit[] {
  const analyzed = analyze(text, options.language);
  const tokens = analyzed.tokens.filter(
    (token) => !token.isStopWord && isUsefulWord(token.surface),
  );
  const { lexicon } = options;
  const keys = lexicon ? tokens.map((token) => cachedLexiconKey(token.surface)) : [];
  const units: FeatureUnit[] = [];

  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    if (lexicon) {
      // The longest phrase of the lexicon that starts here, growing only along known prefixes.
      const longest = Math.min(lexicon.longestPhrase, tokens.length - i);
      let phrase = keys[i];
      let concept = lexicon.concepts.get(phrase);
      if (concept) matched = 1;
      for (let length = 2; length <= longest && lexicon.prefixes.has(phrase); length++) {
        phrase = `${phrase} ${keys[i + length - 1]}`;
        const longer = lexicon.concepts.get(phrase);
        if (longer) [concept, matched] = [longer, length];
      }

      if (concept && matched > 0) {
        const words = tokens.slice(i, i + matched).map((token) => token.surface);
        units.push({ key: `=${concept}`, surface: words.join(' ') });
      }
    }

    if (matched > 0) {
      i += matched;
      continue;
    }

    const token = tokens[i];
    const isLatin = lexicon !== null && /^[a-z]+$/u.test(token.surface);
    units.push(
      isLatin
        ? { key: token.stem, surface: token.surface, isLatin }
        : { key: token.stem, surface: token.surface },
    );
    i++;
  }

  return units;
}

/**
 * Replaces a Latin stem by a Bulgarian stem the corpus or model knows, when one matches. The
 * candidates are spelled out only here, so a corpus without Bulgarian never pays for them.
 */
export function resolveLoans(units: FeatureUnit[], isKnown: (stem: string) => boolean): void {
  for (const unit of units) {
    if (!unit.isLatin) continue;
    const loan = loanCandidates(unit.surface, unit.key).find(isKnown);
    if (loan) unit.key = loan;
  }
}

export interface Term {
  key: string;
  surface: string;
}

/** Unigrams then the bigrams of neighbouring units; a bigram key holds a space, a unigram none. */
export function toTerms(units: FeatureUnit[]): Term[] {
  const terms: Term[] = units.map(({ key, surface }) => ({ key, surface }));
  for (let i = 0; i + 1 < units.length; i++) {
    const [left, right] = [units[i], units[i + 1]];
    if (left.key === right.key) continue;
    terms.push({ key: `${left.key} ${right.key}`, surface: `${left.surface} ${right.surface}` });
  }

  return terms;
}

export function isBigram(key: string): boolean {
  return key.includes(' ');
}
