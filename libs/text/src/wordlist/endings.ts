import { endingTrie } from './trie';

// Inflectional endings that may follow an entry (or its stem) inside the same word, in the
// matcher's alphabet. A closed list rather than "any continuation": "курс" must reach "курсове"
// but not "курсив", and "анал" must not reach "анализ". Derivations are left out on purpose,
// except the adjective "-ски" and the diminutive "-че", which carry an insult along unchanged
// ("идиотски", "идиотче").
const BULGARIAN = `
а я о е и у ю ът ят та то те ия ии ие ият ове еве ета ища ище ищата ището овете евете
ата ята ото ето ите ам ям аш яш ат ем еш ете им иш аме яме ате яте ах ях ох их аха яха иха
еше аше яше ал ял ил ел ала яла ила ела ало яло ило ело али яли или ели ен на но ни ната ното
ните ния ският ския ски ска ско ските ската ското че чета чето четата
`;
// English endings as read in this alphabet: s, es, ed, ing, in', er, ers, y, ies, ish.
const ENGLISH = 'с ес ед инг ингс ин ер ерс ъ й иес иш';

/** Endings after a Cyrillic entry or its stem: "лайно" must not reach "лайнер" through "-er". */
export const BULGARIAN_ENDINGS = endingTrie(BULGARIAN);
/** Endings after an entry typed in Latin letters, which may be English or Bulgarian. */
export const LATIN_ENDINGS = endingTrie(`${BULGARIAN} ${ENGLISH}`);

// Plurals where a final к, г or х turns into ц, з or с: "глупак" -> "глупаци", "боклук" ->
// "боклуци", "монах" -> "монаси". Stored as the stem without that consonant plus these endings.
export const PALATAL_ENDINGS: Readonly<Record<string, ReturnType<typeof endingTrie>>> = {
  к: endingTrie('ци ците'),
  г: endingTrie('зи зите'),
  х: endingTrie('си сите'),
};
