// Bulgarian typed in Latin letters ("shlyokavitsa") has no single standard: people mix the official
// system ("sht", "zh", "ya") with phone habits ("4" for ч, "6" for ш, "q" for я, "y" or "u" for ъ).
// The rules below pick the most common reading of each spelling; the original text never changes.

const LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'я',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'х',
  y: 'ъ',
  z: 'з',
  '4': 'ч',
  '6': 'ш',
};
const CLUSTERS: Array<[string, string]> = [
  ['sht', 'щ'],
  ['6t', 'щ'],
  ['sh', 'ш'],
  ['zh', 'ж'],
  ['ch', 'ч'],
  ['ts', 'ц'],
  ['tz', 'ц'],
  ['kh', 'х'],
  ['yu', 'ю'],
  ['ju', 'ю'],
  ['ya', 'я'],
  ['ja', 'я'],
  ['yo', 'йо'],
  ['jo', 'йо'],
];
// Whole words whose "u" or "a" stands for "ъ", which no letter rule can tell.
const WORDS: Record<string, string> = {
  sum: 'съм',
  sym: 'съм',
  sus: 'със',
  vuv: 'във',
  kum: 'към',
  kam: 'към',
  kude: 'къде',
  kade: 'къде',
  kyde: 'къде',
  pat: 'път',
  put: 'път',
  pyt: 'път',
  dyrvo: 'дърво',
  durvo: 'дърво',
};
const VOWELS = 'aeiouy';
const LATIN_WORD = /[A-Za-z0-9']*[A-Za-z][A-Za-z0-9']*/gu;

/** Reads Bulgarian typed in Latin letters as Cyrillic; Cyrillic, digits and punctuation stay. */
export function transliterateToCyrillic(text: string): string {
  return text.replace(LATIN_WORD, wordToCyrillic);
}

function wordToCyrillic(word: string): string {
  const lower = word.toLowerCase();
  const isUpperCase = word.length > 1 && word === word.toUpperCase();
  const whole = WORDS[lower];
  if (whole !== undefined) return restoreCase(whole, word[0], isUpperCase);

  let result = '';
  let position = 0;
  while (position < lower.length) {
    const [cyrillic, length] = readAt(lower, position);
    result += restoreCase(cyrillic, word[position], isUpperCase);
    position += length;
  }

  return result;
}

function readAt(word: string, position: number): [string, number] {
  const previous = word[position - 1] ?? '';
  const next = word[position + 1] ?? '';
  const char = word[position];
  if (char === 'i' && next === 'u') return ['ю', 2];
  if (char === 'i' && next === 'a') {
    // Word-final "ia" is the official spelling of "ия" (Sofia, Bulgaria, istoria).
    const isFinal = position + 2 === word.length && position > 0 && !isAnyVowel(previous);

    return [isFinal ? 'ия' : 'я', 2];
  }

  // "tsk" is "тск" (detski, bratski), not "цк"
  if (word.startsWith('tsk', position)) return ['т', 1];
  for (const [latin, cyrillic] of CLUSTERS) {
    if (word.startsWith(latin, position)) return [cyrillic, latin.length];
  }

  if (char === 'y') return [isAnyVowel(next) || isVowel(previous) ? 'й' : 'ъ', 1];
  // "j" is mostly "ж" (nujno, moje); only "kraj" and "moj" at the end of a word use it for "й"
  if (char === 'j' && isVowel(previous) && next === '') return ['й', 1];
  if (char === 'i' && isVowel(previous) && !isAnyVowel(next)) {
    // "zdraveite" is "здравейте", but "moite" and "tvoite" are "моите" and "твоите".
    const isPluralArticle = previous === 'o' && word.endsWith('te') && position + 3 === word.length;
    if (!isPluralArticle) return ['й', 1];
  }

  return [LETTERS[char] ?? char, 1];
}

function isAnyVowel(char: string): boolean {
  return char !== '' && VOWELS.includes(char);
}

// Vowels after which "i", "j" and "y" are read as "й"; "y" and "i" themselves are excluded so
// that "istorii" keeps two "и".
function isVowel(char: string): boolean {
  return char !== '' && 'aeou'.includes(char);
}

function restoreCase(cyrillic: string, source: string, isUpperCase: boolean): string {
  if (isUpperCase) return cyrillic.toUpperCase();
  if (source === source.toLowerCase()) return cyrillic;

  return cyrillic[0].toUpperCase() + cyrillic.slice(1);
}

// The official streamlined system (Transliteration Act, 2009), used on road signs and passports.
const TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
  ѝ: 'i',
  ѐ: 'e',
};
const CYRILLIC_WORD = /[\u0400-\u04FF]+/gu;

/** Spells Cyrillic in the official Latin system, so that "парк" can be found as "park". */
export function transliterateToLatin(text: string): string {
  return text.replace(CYRILLIC_WORD, (word) => {
    const isUpperCase = word.length > 1 && word === word.toUpperCase();
    const lower = word.toLowerCase();
    let result = '';
    for (let position = 0; position < lower.length; position += 1) {
      const isFinalIya = lower.startsWith('ия', position) && position + 2 === lower.length;
      const latin = isFinalIya ? 'ia' : (TO_LATIN[lower[position]] ?? lower[position]);
      result += restoreCase(latin, word[position], isUpperCase);
      if (isFinalIya) position += 1;
    }

    return result;
  });
}
