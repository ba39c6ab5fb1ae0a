import { isLatinBulgarian } from './latin-bulgarian';

export type Language = 'bg' | 'en' | 'other';

// Cyrillic letters that Bulgarian does not use: a text with them is Russian, Ukrainian, Serbian...
// "І" is left out: Bulgarian writes Roman numerals with it ("Иван Асен ІІ").
const NON_BULGARIAN_CYRILLIC = /[ыэёїєґўјљњђћџѓќѕ]/giu;
// Latin letters of other languages; "é" or "ï" alone are common enough in English loan words.
const NON_ENGLISH_LATIN = /[äöüßąęłśżźćńčřšžěůğşıñãõøåæœ]/giu;

/**
 * Language of a comment: Bulgarian when mostly Cyrillic or when it is Bulgarian typed in Latin
 * letters, English for other Latin text, "other" for other scripts and for text without letters.
 */
export function detectLanguage(text: string): Language {
  let cyrillic = 0;
  let latin = 0;
  let other = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x0400 && code <= 0x04ff) cyrillic += 1;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin += 1;
    else if (code > 0x7f && /\p{L}/u.test(char)) {
      if (/\p{Script=Latin}/u.test(char)) latin += 1;
      else other += 1;
    }
  }

  const letters = cyrillic + latin + other;
  if (letters === 0) return 'other';

  if (cyrillic >= latin && cyrillic >= other) {
    const foreign = text.match(NON_BULGARIAN_CYRILLIC)?.length ?? 0;

    return (foreign >= 2 && foreign / cyrillic > 0.01) || foreign / cyrillic > 0.05
      ? 'other'
      : 'bg';
  }

  if (latin >= other) {
    if (isLatinBulgarian(text)) return 'bg';
    const foreign = text.match(NON_ENGLISH_LATIN)?.length ?? 0;

    return foreign >= 2 || foreign / latin > 0.03 ? 'other' : 'en';
  }

  return 'other';
}
