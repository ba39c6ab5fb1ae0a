import { ENGLISH_STOP_WORDS } from './stopwords/en';

// Evidence that a Latin-letter text is Bulgarian, weighed against evidence that it is English.
// Tuned to keep ordinary English out (product names, abbreviations and keyword lists included):
// a wrong "Bulgarian" reading garbles a comment, a missed one only weakens its analysis.

// Words that are almost never English: function words and greetings of chat Bulgarian.
const STRONG = new Set(
  `
shte 6te ste kakvo kak4e kakva koi koya koq koga kude kyde kade tuk mnogo malko vsichko vsi4ko
vsichki vsi4ki tova tozi tazi tezi nqma nyama niama nqkoi niakoi nyakoi nqkakvi nikoi ili che 4e
ako zashto za6to zasto zashtoto za6toto obache samo oshte o6te veche ve4e dobre blagodarq
blagodarya blagodaria mersi zdravei zdraveite zdrasti zdr molq molya moje mozhe iskam iskame
trqbva tryabva triabva trebva koito koqto koeto kato sled predi mejdu mezhdu vseki vsqka vsyaka
vsqko nashiq nashata nashite nashiya vashiq tehniq negoviq sega sme sym sum nie vie tq tya tia
toi az mi ni vi gi mu im li nali ami ama poveche po-dobre hora deca detsa grad grada gradat
kvartal kvartala ulica ulicata ulici ploshtadka ploshtadki ploshtadkata ulitsa ulitsi parka
parkove parkovete gradinka gradinata bezopasno trotoar trotoari trotoara avtobus avtobusi
spirka spirkata kmet kmeta obshtina obshtinata pari budjet byudzhet proekt proekti
tolkova nai tochno naistina dori dazhe vmesto spored zaradi prez okolo nishto ni6to neshto
ne6to gradinkata koli kolite kolata boklik bokluk kofi kofite trotoarite plosht ploshti dupki
dupkite kucheta kuchetata osvetlenie osvetlenieto
`
    .trim()
    .split(/\s+/u),
);
// Short words that are Bulgarian but also English abbreviations or names ("na", "ot", "sega").
const WEAK = new Set(
  'na za ot v s da ne se si ti te e i sa bil bila bili pri bez pak tam ima po do vav sus kum'.split(
    /\s+/u,
  ),
);
// Digits standing for letters: "4" for ч and "6" for ш, inside a word ("ku4e", "ho6") or leading.
const DIGIT_LETTER = /[a-z][46][a-z]|^[46][a-z]{2,}$|^[46]t?e$/u;
const UNIT_AFTER_DIGIT = /^\d+(?:th|st|nd|rd|pm|am|px|kg|km|mm|cm|mb|gb|kb|tb|hz|bit|mp|k|g|x)$/u;
// "q" as я: English has it only before "u", and in a handful of names (Iraq, Qatar, Qaeda).
const Q_AS_YA = /q(?!u)/u;
// Consonant clusters that open Bulgarian words but no English ones.
const BULGARIAN_ONSET = /^(?:zd|vs|vl|vr|zv|vn|mn|zn|kv|hv|zl|vk|vz|tsv|sht|zh)/u;
const BULGARIAN_ENDING =
  /(?:ovete|ishte|ishta|nieto|nost|nostta|kata|kite|ata|ite|ovo|ski|ska|sko|iq|niq|qt|yt|shto)$/u;
const ENGLISH_PATTERN = /th|wh|ck|ph|ee|oo|ea|ou|igh|tion|ing$|ness$|ly$|'s$|qu|w/u;

interface Weights {
  bulgarian: number;
  english: number;
}

const cache = new Map<string, Weights>();
const CACHE_LIMIT = 100_000;

/** Evidence that one lower-case Latin word is Bulgarian, and that it is English. */
export function weighWord(word: string): Weights {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;

  const weights = computeWeights(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, weights);

  return weights;
}

function computeWeights(word: string): Weights {
  if (/^\d+$/u.test(word)) return { bulgarian: 0, english: 0 };

  let bulgarian = 0;
  if (STRONG.has(word)) bulgarian = 2;
  else if (WEAK.has(word)) bulgarian = 0.5;
  if (DIGIT_LETTER.test(word) && !UNIT_AFTER_DIGIT.test(word)) bulgarian = Math.max(bulgarian, 2);
  if (Q_AS_YA.test(word) && !/iraq|qatar|qaeda|sql|^qi|faq|[ac]q$|qq/u.test(word)) {
    bulgarian = Math.max(bulgarian, 1.5);
  }

  if (bulgarian === 0 && BULGARIAN_ONSET.test(word)) bulgarian = 1;
  if (bulgarian === 0 && word.length > 4 && BULGARIAN_ENDING.test(word)) bulgarian = 0.5;

  let english = 0;
  if (ENGLISH_STOP_WORDS.has(word)) english = word.length > 2 ? 2 : 1;
  else if (ENGLISH_PATTERN.test(word)) english = 1;

  return { bulgarian, english };
}

/**
 * True when a text written mostly in Latin letters reads as Bulgarian: enough Bulgarian evidence,
 * clearly more of it than English evidence, and spread over a fair share of its words.
 */
export function isLatinBulgarian(text: string): boolean {
  let latinLetters = 0;
  let otherLetters = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latinLetters += 1;
    // People who type Bulgarian in Latin letters do not reach for "é" or "ờ"; other languages do.
    else if ((code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff)) return false;
    else if (code >= 0x370 && /\p{L}/u.test(text[index])) otherLetters += 1;
  }

  if (latinLetters === 0 || otherLetters > latinLetters) return false;

  const words = text.toLowerCase().match(/[a-z0-9']+/gu) ?? [];
  let bulgarian = 0;
  let english = 0;
  let bulgarianWords = 0;
  let letterWords = 0;
  let hasStrongWord = false;
  for (const word of words) {
    const weights = weighWord(word);
    if (weights.bulgarian === 0 && weights.english === 0 && /^\d+$/u.test(word)) continue;
    letterWords += 1;
    bulgarian += weights.bulgarian;
    english += weights.english;
    if (weights.bulgarian > 0) bulgarianWords += 1;
    if (weights.bulgarian >= 1.5) hasStrongWord = true;
  }

  const isEnough =
    bulgarian >= 3 || (hasStrongWord && bulgarian >= 2) || (english === 0 && bulgarianWords >= 3);

  return isEnough && bulgarian > 2 * english && bulgarianWords >= 0.3 * letterWords;
}
