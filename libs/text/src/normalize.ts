// Control characters except tab and line breaks (they become spaces below), soft hyphen, zero-width
// and bidirectional marks, word joiners and the byte-order mark.
const INVISIBLE = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD' +
    '\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\uFEFF]',
  'gu',
);
const DOUBLE_QUOTES = /[«»„“”‟″〝〞＂]/gu;
const SINGLE_QUOTES = /[‘’‚‛′´]/gu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;
const NEEDS_CLEANING = new RegExp(
  [INVISIBLE, DOUBLE_QUOTES, SINGLE_QUOTES, DASHES].map((pattern) => pattern.source).join('|'),
  'u',
);

// Letters that look the same in both scripts. People type them from the wrong keyboard layout, and
// spammers mix them on purpose; either way "пaрк" with a Latin "a" must still be the word "парк".
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  k: 'к',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};
const CYRILLIC_TO_LATIN: Record<string, string> = {
  ...Object.fromEntries(Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyr]) => [cyr, latin])),
  і: 'i',
  І: 'I',
  ј: 'j',
  Ј: 'J',
  ѕ: 's',
  Ѕ: 'S',
};
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * Canonical form of a text for analysis: NFC, no invisible characters, one kind of quote and dash,
 * single spaces, and homoglyphs folded into the script of the word they sit in.
 */
export function normalize(text: string): string {
  let result = text.normalize('NFC');
  if (NEEDS_CLEANING.test(result)) {
    result = result
      .replace(INVISIBLE, '')
      .replace(DOUBLE_QUOTES, '"')
      .replace(SINGLE_QUOTES, "'")
      .replace(DASHES, '-');
  }

  result = result.replace(/\s+/gu, ' ').trim();

  return hasBothScripts(result) ? result.replace(WORD, foldHomoglyphs) : result;
}

function hasBothScripts(text: string): boolean {
  return /[A-Za-z]/.test(text) && /[\u0400-\u04FF]/.test(text);
}

/** Rewrites a mixed-script word into the script that its unambiguous letters belong to. */
export function foldHomoglyphs(word: string): string {
  let cyrillic = 0;
  let latin = 0;
  let strongCyrillic = 0;
  let strongLatin = 0;
  for (const char of word) {
    if (CYRILLIC_LETTER.test(char)) {
      cyrillic += 1;
      if (!(char in CYRILLIC_TO_LATIN)) strongCyrillic += 1;
    } else if (LATIN_LETTER.test(char)) {
      latin += 1;
      if (!(char in LATIN_TO_CYRILLIC)) strongLatin += 1;
    }
  }

  if (cyrillic === 0 || latin === 0) return word;
  // A word with unambiguous letters of both scripts is not a homoglyph accident: leave it alone.
  if (strongCyrillic > 0 && strongLatin > 0) return word;

  const toCyrillic = strongCyrillic > 0 || (strongLatin === 0 && cyrillic >= latin);
  const map = toCyrillic ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;

  return Array.from(word, (char) => map[char] ?? char).join('');
}
