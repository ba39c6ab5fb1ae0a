// A light stemmer of our own: it strips inflection (articles, plural, gender, person and tense)
// but not derivation, so "детски" and "дете" stay apart while "площадките" meets "площадка".

// Endings, any of which may follow another: "паркове" + "те", "ходи" + "те", "територи" + "я".
// A definite article "та", "то" or "те" is only taken after the vowel it attaches to, so that the
// "т" of "работа", "места" and "карта" stays in the stem.
interface Ending {
  text: string;
  after?: RegExp;
}

const ARTICLES: Ending[] = [
  { text: 'та', after: /(?:[ая]|ст)$/u },
  { text: 'то', after: /[аеиоуюя]$/u },
  { text: 'те', after: /[еи]$/u },
  { text: 'ът' },
  { text: 'ят' },
  { text: 'ият' },
  // neuter plurals in "-ета" are only safe to strip after "ч": "кучета" but "бюджета", "планета"
  { text: 'ета', after: /ч$/u },
  { text: 'овете' },
  { text: 'евете' },
];
const INFLECTIONS = [
  // plurals, genders and the short article of nouns and adjectives
  'ия',
  'ове',
  'еве',
  'ии',
  'ие',
  'ьо',
  'а',
  'я',
  'о',
  'е',
  'и',
  // present tense
  'ам',
  'ям',
  'ем',
  'им',
  'аш',
  'яш',
  'еш',
  'иш',
  'ат',
  'аме',
  'яме',
  'ете',
  'ате',
  'яте',
  'ите',
  // aorist and imperfect
  'ах',
  'ях',
  'ох',
  'их',
  'ахме',
  'яхме',
  'охме',
  'ихме',
  'ехме',
  'ахте',
  'яхте',
  'охте',
  'ихте',
  'ехте',
  'аха',
  'яха',
  'оха',
  'иха',
  'еха',
  'еше',
  'аше',
  'яше',
  // past participles and the gerund
  'ал',
  'ял',
  'ил',
  'ел',
  'ала',
  'яла',
  'ила',
  'ела',
  'ало',
  'яло',
  'ило',
  'ело',
  'али',
  'яли',
  'или',
  'ели',
  'айки',
  'яйки',
  'ейки',
];
const ENDINGS_BY_LENGTH: Ending[] = [...ARTICLES, ...INFLECTIONS.map((text) => ({ text }))].sort(
  (left, right) => right.text.length - left.text.length,
);
const MIN_STEM = 3;
const MAX_ROUNDS = 3;
const VOWEL = /[аеиоуъюяѝ]/u;
const CONSONANTS = 'бвгджзйклмнпрстфхцчшщ';

// Plurals that no suffix rule can reach; mapped to their singular before stemming.
const IRREGULAR: Record<string, string> = {
  дървета: 'дърво',
  дърветата: 'дърво',
  деца: 'дете',
  децата: 'дете',
  хора: 'човек',
  хората: 'човек',
  пътища: 'път',
  пътищата: 'път',
  краища: 'край',
  краищата: 'край',
  братя: 'брат',
  братята: 'брат',
  очи: 'око',
  очите: 'око',
};

// Sound changes at the end of the stem, applied in this order. Each one maps every form of a word
// to the same spelling: "център"/"центрове", "удобен"/"удобна", "място"/"места",
// "паметник"/"паметници", "софиянец"/"софиянци".
const ALTERNATIONS: Array<[RegExp, string]> = [
  [/(..[^аеиоуъюя])(?:анин|янин)$/u, '$1ан'],
  [new RegExp(`(.[${CONSONANTS}])ъ([${CONSONANTS}])$`, 'u'), '$1$2'],
  [new RegExp(`(.[${CONSONANTS}])е([нц])$`, 'u'), '$1$2'],
  [/(...)ниц$/u, '$1ник'],
  [new RegExp(`([${CONSONANTS}])я([${CONSONANTS}]+)$`, 'u'), '$1е$2'],
];

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Stem of a lower-case Bulgarian word; other words come back unchanged. Never throws. */
export function stemBulgarian(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;

  const stem = computeStem(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);

  return stem;
}

function computeStem(word: string): string {
  if (word.length <= MIN_STEM || !/^[\u0400-\u04FF]+$/u.test(word)) return word;

  let stem = IRREGULAR[word] ?? word;
  if (/[йь]$/u.test(stem)) stem = stem.slice(0, -1);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const stripped = stripEnding(stem);
    if (stripped === stem) break;
    stem = IRREGULAR[stripped] ?? stripped;
  }

  for (const [pattern, replacement] of ALTERNATIONS) {
    if (stem.length > MIN_STEM) stem = stem.replace(pattern, replacement);
  }

  return stem;
}

function stripEnding(word: string): string {
  for (const { text, after } of ENDINGS_BY_LENGTH) {
    if (word.length - text.length < MIN_STEM || !word.endsWith(text)) continue;
    const stem = word.slice(0, -text.length);
    if (VOWEL.test(stem) && (after === undefined || after.test(stem))) return stem;
  }

  return word;
}
