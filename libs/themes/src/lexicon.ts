import { analyze } from '@razgovor/text';
import { LEXICON_ENTRIES } from './lexicon-entries';

// Bulgarian endings for articles, plurals and adjective agreement, longest first. The lexicon
// keeps its own crude key instead of the stemmer of @razgovor/text so that matching does not
// depend on which stemmer is installed; a key is only ever compared with other keys.
const BULGARIAN_ENDINGS = [
  'овете',
  'ите',
  'ата',
  'ята',
  'ото',
  'ето',
  'ове',
  'ият',
  'ия',
  'ът',
  'ят',
  'та',
  'то',
  'те',
  'ни',
  'на',
  'но',
  'ен',
  'а',
  'я',
  'о',
  'е',
  'и',
  'й',
];
const MINIMUM_KEY_LENGTH = 3;

function isCyrillic(word: string): boolean {
  return /\p{Script=Cyrillic}/u.test(word);
}

export function lexiconKey(word: string): string {
  if (isCyrillic(word)) {
    for (const ending of BULGARIAN_ENDINGS) {
      if (word.endsWith(ending) && word.length - ending.length >= MINIMUM_KEY_LENGTH) {
        return word.slice(0, -ending.length);
      }
    }

    return word;
  }

  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ches|shes|sses|xes)$/u.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);

  return word;
}

/** Concept ids by the keys of a word or of a two- or three-word phrase (keys joined by spaces). */
export interface Lexicon {
  concepts: Map<string, string>;
  /** Every proper prefix of a phrase key: a match stops at a word that no phrase continues. */
  prefixes: Set<string>;
  longestPhrase: number;
}

function contentWords(phrase: string, language: 'bg' | 'en'): string[] {
  return analyze(phrase, language)
    .tokens.filter((token) => !token.isStopWord)
    .map((token) => token.surface);
}

export function buildLexicon(entries: string = LEXICON_ENTRIES): Lexicon {
  const concepts = new Map<string, string>();
  const prefixes = new Set<string>();
  let longestPhrase = 1;

  // An indented line continues the entry above it, so long entries stay within the line width.
  for (const line of entries.replace(/\n[ \t]+/gu, ' ').split('\n')) {
    const match = /^([a-z_]+):(.*)\/(.*)$/u.exec(line.trim());
    if (!match) continue;
    const [, concept, bulgarian, english] = match;
    const sides: Array<[string, 'bg' | 'en']> = [
      [bulgarian, 'bg'],
      [english, 'en'],
    ];
    for (const [side, language] of sides) {
      for (const phrase of side.split(',')) {
        const words = contentWords(phrase, language);
        if (words.length === 0) continue;
        const key = words.map(lexiconKey).join(' ');
        // The first concept to claim a key keeps it, so the order of lines settles clashes.
        if (!concepts.has(key)) concepts.set(key, concept);
        for (let length = 1; length < words.length; length++) {
          prefixes.add(words.slice(0, length).map(lexiconKey).join(' '));
        }

        longestPhrase = Math.max(longestPhrase, words.length);
      }
    }
  }

  return { concepts, prefixes, longestPhrase };
}

let shared: Lexicon | undefined;

export function defaultLexicon(): Lexicon {
  shared ??= buildLexicon();

  return shared;
}
