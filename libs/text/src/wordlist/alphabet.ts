// The matcher's alphabet is lower-case Cyrillic: every letter, digit or symbol of a text is read as
// one or more Cyrillic "keys", and entries are stored as keys too. A text unit may have several
// readings ("1" is i or l, Latin "c" is ц or к); the matcher tries them all, while an entry has one
// canonical spelling that is always among the text's readings, so both sides meet.

// Digits and symbols that stand in for letters. "4" and "6" are the chat spellings of ч and ш;
// "6" also looks like б, "3" like з and like a reversed e.
export const SYMBOL_READINGS: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'il',
  '3': 'eз',
  '4': 'ча',
  '5': 's',
  '6': 'шб',
  '7': 't',
  '@': 'a',
  $: 's',
  '€': 'e',
  '!': 'il',
  '|': 'il',
};

// Greek letters that pass for Latin ones in spam.
const GREEK_READINGS: Readonly<Record<string, string>> = {
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

/** Latin lower-case letter -> the Cyrillic letters it may stand for; the first is the usual one. */
const LATIN_KEYS: Readonly<Record<string, string>> = {
  a: 'аъ',
  b: 'б',
  c: 'цк',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'ий',
  j: 'жй',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'як',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'уъ',
  v: 'в',
  w: 'вш',
  x: 'х',
  y: 'ъйи',
  z: 'з',
};
const CYRILLIC_KEYS: Readonly<Record<string, string>> = {
  и: 'ий',
  й: 'йи',
  ѝ: 'и',
  ё: 'е',
  і: 'и',
  ј: 'й',
  ѕ: 'с',
};

// Letters that look alike across the scripts. Only used inside a word that mixes scripts: in a
// plain Cyrillic word "н" is н, never a disguised Latin "H".
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
};
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CYRILLIC_LOOKALIKES).map(([cyrillic, latin]) => [latin, cyrillic]),
);

/** A spelling of several units read as one sound ("sh" -> ш); keys are alternatives. */
export interface Cluster {
  letters: string;
  keys: readonly string[];
}

// Longest first within each first letter, so that canonical spelling takes "sht" before "sh".
const CLUSTER_LIST: Cluster[] = [
  { letters: 'sht', keys: ['щ'] },
  { letters: 'sh', keys: ['ш'] },
  { letters: 'шt', keys: ['щ'] },
  { letters: 'zh', keys: ['ж'] },
  { letters: 'ch', keys: ['ч'] },
  { letters: 'ck', keys: ['к'] },
  { letters: 'ts', keys: ['ц'] },
  { letters: 'tz', keys: ['ц'] },
  { letters: 'kh', keys: ['х'] },
  { letters: 'ph', keys: ['ф'] },
  { letters: 'yu', keys: ['ю'] },
  { letters: 'ju', keys: ['ю'] },
  { letters: 'iu', keys: ['ю'] },
  { letters: 'ya', keys: ['я'] },
  { letters: 'ja', keys: ['я'] },
  { letters: 'ia', keys: ['я', 'ия'] },
  { letters: 'x', keys: ['кс'] },
];
export const CLUSTERS: ReadonlyMap<string, readonly Cluster[]> = groupClusters(CLUSTER_LIST);

function groupClusters(list: Cluster[]): Map<string, Cluster[]> {
  const byFirst = new Map<string, Cluster[]>();
  for (const cluster of list) {
    const first = cluster.letters[0];
    byFirst.set(first, [...(byFirst.get(first) ?? []), cluster]);
  }

  return byFirst;
}

const keyCache = new Map<string, string>();

/** Single-unit keys of a unit with these readings, without repeats; the first is canonical. */
export function keysOf(readings: string): string {
  const cached = keyCache.get(readings);
  if (cached !== undefined) return cached;

  let keys = '';
  for (const reading of readings) {
    const options = LATIN_KEYS[reading] ?? CYRILLIC_KEYS[reading] ?? reading;
    for (const key of options) if (!keys.includes(key)) keys += key;
  }

  keyCache.set(readings, keys);

  return keys;
}

export const enum Script {
  Other = 0,
  Latin = 1,
  Cyrillic = 2,
  Symbol = 3,
  Greek = 4,
}

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;

/** Readings of one lower-case character, and its script; null readings for a separator. */
export function readCharacter(char: string, code: number): [string | null, Script] {
  if (code >= 0x61 && code <= 0x7a) return [char, Script.Latin];
  if (code >= 0x430 && code <= 0x45f) return [char, Script.Cyrillic];
  const symbol = SYMBOL_READINGS[char];
  if (symbol !== undefined) return [symbol, Script.Symbol];
  if (code >= 0x30 && code <= 0x39) return [char, Script.Symbol];
  if (code < 0xc0) return [null, Script.Other];
  const greek = GREEK_READINGS[char];
  if (greek !== undefined) return [greek, Script.Greek];
  if ((code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff)) {
    // "é" and "ō" read as their base letter: people add accents to slip past filters.
    const base = char.normalize('NFD')[0];
    if (base >= 'a' && base <= 'z') return [base, Script.Latin];
  }

  if (code >= 0xff41 && code <= 0xff5a) {
    return [String.fromCharCode(code - 0xfee0), Script.Latin];
  }

  return LETTER.test(char) ? [char, Script.Other] : [null, Script.Other];
}

/** True for characters that change nothing a reader sees: marks, zero-width and controls. */
export function isIgnorable(code: number, char: string): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code < 0x7f || (code >= 0x400 && code <= 0x482)) return false;
  if (code <= 0x9f || code === 0xad || code === 0xfeff) return true;
  if (code >= 0x200b && code <= 0x200f) return true;
  if (code >= 0x202a && code <= 0x202e) return true;
  if (code >= 0x2060 && code <= 0x206f) return true;
  if (code >= 0xfe00 && code <= 0xfe0f) return true;

  return code >= 0x300 && MARK.test(char);
}

/** Readings of a letter inside a word that mixes Latin and Cyrillic: add its lookalike. */
export function withLookalike(readings: string, script: Script): string {
  const first = readings[0];
  const lookalike =
    script === Script.Cyrillic ? CYRILLIC_LOOKALIKES[first] : LATIN_LOOKALIKES[first];

  return lookalike === undefined ? readings : readings + lookalike;
}

const VOWELS = 'aeiou';

/**
 * Canonical key of one word given as the first reading of each unit: the most common reading of
 * Bulgarian typed in Latin letters, so that "glupak" and "глупак" store the same keys.
 */
export function canonicalWord(letters: string): string {
  let keys = '';
  let position = 0;
  while (position < letters.length) {
    const [key, length] = canonicalAt(letters, position);
    keys += key;
    position += length;
  }

  return keys;
}

function canonicalAt(letters: string, position: number): [string, number] {
  const char = letters[position];
  const previous = letters[position - 1] ?? '';
  const next = letters[position + 1] ?? '';
  for (const cluster of CLUSTERS.get(char) ?? []) {
    if (cluster.letters.length === 1 || !letters.startsWith(cluster.letters, position)) continue;
    // Word-final "ia" is the official spelling of "ия" (Sofia, istoria).
    const isFinalIa = cluster.letters === 'ia' && position + 2 === letters.length && position > 0;

    return [isFinalIa ? 'ия' : cluster.keys[0], cluster.letters.length];
  }

  // "y" next to a vowel and "i" after one are й (moy, zdravei); "j" at the end after a vowel too.
  const afterVowel = previous !== '' && VOWELS.includes(previous);
  if (char === 'y' && (afterVowel || (next !== '' && VOWELS.includes(next)))) return ['й', 1];
  if (char === 'i' && afterVowel && !(next !== '' && VOWELS.includes(next))) return ['й', 1];
  if (char === 'j' && afterVowel && next === '') return ['й', 1];

  return [keysOf(char)[0], 1];
}
