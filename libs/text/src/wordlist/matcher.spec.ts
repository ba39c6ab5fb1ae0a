import { describe, expect, it } from 'vitest';
import { compileWordList, strongerAction } from './matcher';
import { type WordListEntry } from './types';

const LIST: WordListEntry[] = [
  { id: 'idiot', pattern: 'идиот', action: 'hold' },
  { id: 'glupak', pattern: 'glupak', action: 'flag' },
  { id: 'kurva', pattern: 'курва', action: 'block' },
  { id: 'anal', pattern: 'анал', action: 'flag' },
  { id: 'kur', pattern: 'кур', action: 'block' },
  { id: 'kurs', pattern: 'курс', action: 'flag' },
  { id: 'fuck', pattern: 'fuck', action: 'block' },
  { id: 'ass', pattern: 'ass', action: 'flag' },
  { id: 'cunt', pattern: 'cunt', action: 'block' },
  { id: 'shit', pattern: 'shit', action: 'flag' },
  { id: 'layno', pattern: 'лайно', action: 'flag' },
  { id: 'zelen', pattern: 'зелен', action: 'flag', matchInflections: false },
  { id: 'phrase', pattern: 'мръсен циганин', action: 'block' },
  { id: 'crook', pattern: 'мошеник', action: 'hold' },
];
const matcher = compileWordList(LIST);

function matchedIds(text: string): string[] {
  return matcher.match(text).matches.map((match) => match.entryId);
}

describe('compileWordList', () => {
  it.each([
    ['Cyrillic entry, Cyrillic text', 'Този идиот пак', 'idiot'],
    ['Cyrillic entry, Latin text', 'tozi idiot pak', 'idiot'],
    ['Latin entry, Cyrillic text', 'какъв глупак', 'glupak'],
    ['Latin entry, Latin text', 'kakav glupak', 'glupak'],
    ['upper case', 'ИДИОТ', 'idiot'],
    ['mixed case in Latin', 'GlUpAk', 'glupak'],
    ['repeated letters in Cyrillic', 'идиоооот', 'idiot'],
    ['repeated letters in Latin', 'glupaaaak', 'glupak'],
    ['digits for letters', '1d10t', 'idiot'],
    ['"3" for е and "0" for о', 'м0ш3ник', 'crook'],
    ['"4" for ч and "6" for ш', 'mo6enik', 'crook'],
    ['"$" for s and "!" for i', 'sh!t happens', 'shit'],
    ['"$" for s in a short entry', 'a$$', 'ass'],
    ['"|" for l', 'g|upak', 'glupak'],
    ['"@" for a', 'glup@k', 'glupak'],
    ['Latin homoglyphs inside a Cyrillic word', 'идиoт', 'idiot'],
    ['Latin p and c inside a Cyrillic word', 'мoшeник', 'crook'],
    ['Cyrillic homoglyphs inside a Latin word', 'ѕhіt', 'shit'],
    ['Greek homoglyphs', 'idιοt', 'idiot'],
    ['spaced out with spaces', 'и д и о т', 'idiot'],
    ['spaced out with dots', 'и.д.и.о.т', 'idiot'],
    ['spaced out with hyphens in Latin', 'i-d-i-o-t', 'idiot'],
    ['spaced out with emoji', 'и😀д😀и😀о😀т', 'idiot'],
    ['spaced out English', 'f u c k', 'fuck'],
    ['Bulgarian plural', 'идиоти', 'idiot'],
    ['Bulgarian plural in Latin', 'idioti', 'idiot'],
    ['definite article', 'идиотите', 'idiot'],
    ['stem of a word ending in a vowel', 'курви', 'kurva'],
    ['stem with article, in Latin', 'kurvata', 'kurva'],
    ['plural with к -> ц', 'глупаци', 'glupak'],
    ['plural with к -> ц in Latin', 'glupatsi', 'glupak'],
    ['English -ing', 'fucking', 'fuck'],
    ['English -ed', 'fucked', 'fuck'],
    ['English plural', 'idiots', 'idiot'],
    ['phrase across spaces and punctuation', 'мръсен,   циганин!', 'phrase'],
    ['phrase in Latin letters', 'mrasen tsiganin', 'phrase'],
    ['control characters inside a word', 'ид\u0000и\u0007от', 'idiot'],
    ['zero-width characters inside a word', 'ид\u200Bи\u200Dот', 'idiot'],
    ['soft hyphen inside a word', 'gl\u00ADupak', 'glupak'],
    ['fullwidth Latin', 'ｉｄｉｏｔ', 'idiot'],
    ['accents on Latin letters', 'ídíót', 'idiot'],
  ])('matches %s: "%s"', (_case, text, id) => {
    expect(matchedIds(text)).toEqual([id]);
  });

  it.each([
    ['анализ', 'a stem of a longer word ("анал")'],
    ['аналог', 'a stem of a longer word ("анал")'],
    ['канал', 'inside a word ("анал")'],
    ['канализация', 'inside a word ("анал")'],
    ['курсив', 'a non-inflectional ending ("курс")'],
    ['курорт', 'a short entry inside a word ("кур")'],
    ['Курило', 'a village near Sofia, short entry ("кур")'],
    ['Куртово Конаре', 'a village, short entry ("кур")'],
    ['class', 'a short entry inside a word ("ass")'],
    ['assessment', 'a short entry at the start of a word ("ass")'],
    ['as', 'a prefix of a short entry ("ass")'],
    ['ас', 'a prefix of a short entry in Cyrillic ("ass")'],
    ['Асеновград', 'a town, short entry ("ass")'],
    ['Scunthorpe', 'inside a word ("cunt")'],
    ['shiitake', 'a longer word ("shit")'],
    ['лайнер', 'a non-inflectional ending ("лайно")'],
    ['зелена', 'an inflection when inflections are off ("зелен")'],
  ])('does not match "%s": %s', (text) => {
    expect(matchedIds(text)).toEqual([]);
  });

  it.each([
    ['курса', 'kurs'],
    ['курсове', 'kurs'],
    ['лайна', 'layno'],
    ['зелен', 'zelen'],
    ['Идиотски', 'idiot'],
    ['идиотче', 'idiot'],
  ])('accepts the inflection or exact form "%s"', (text, id) => {
    expect(matchedIds(text)).toEqual([id]);
  });

  it('maps spans back to the original text, past combining marks and emoji', () => {
    const text = '😀 Ви\u0301е сте и\u0306диот, 👍🏽 ГЛУПААК!';
    const { matches } = matcher.match(text);

    expect(matches.map((match) => [match.entryId, match.text])).toEqual([
      ['idiot', 'и\u0306диот'],
      ['glupak', 'ГЛУПААК'],
    ]);
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe(match.text);
  });

  it('covers the spaced-out letters and the separators between them', () => {
    const text = 'ти си и . д . и . о . т';
    const [match] = matcher.match(text).matches;

    expect(text.slice(match.start, match.end)).toBe('и . д . и . о . т');
    expect(match.via).toEqual(['spacing']);
  });

  it('reports the normalised form and how the text got past a plain comparison', () => {
    const [match] = matcher.match('1D1000TI').matches;

    expect(match).toMatchObject({
      entryId: 'idiot',
      action: 'hold',
      pattern: 'идиот',
      start: 0,
      end: 8,
      normalized: 'идиоти',
      via: ['transliteration', 'symbols', 'repeats', 'inflection'],
    });
  });

  it.each([
    ['глупак', 'flag'],
    ['глупак идиот', 'hold'],
    ['глупак идиот курва', 'block'],
    ['курва глупак', 'block'],
    ['нищо лошо', null],
  ])('takes the strongest action for "%s"', (text, action) => {
    expect(matcher.match(text).action).toBe(action);
  });

  it('orders actions block > hold > flag', () => {
    expect(strongerAction('flag', 'hold')).toBe('hold');
    expect(strongerAction('block', 'hold')).toBe('block');
    expect(strongerAction(null, 'flag')).toBe('flag');
    expect(strongerAction(null, null)).toBeNull();
  });

  it('returns every match, in text order', () => {
    const matches = matcher.match('идиот, идиот и глупак').matches;

    expect(matches.map((match) => [match.entryId, match.start])).toEqual([
      ['idiot', 0],
      ['idiot', 7],
      ['glupak', 15],
    ]);
  });

  it('matches inside words only for entries with wholeWord: false', () => {
    const inner = compileWordList([
      { id: 'spam', pattern: 'casino', action: 'block', wholeWord: false },
      { id: 'short', pattern: 'xxx', action: 'block', wholeWord: false },
    ]);

    expect(inner.match('bestcasino24 xxxl').matches.map((match) => match.text)).toEqual(['casino']);
  });

  it('matches nothing with an empty list, an empty text or separators only', () => {
    expect(compileWordList([]).match('идиот')).toEqual({ action: null, matches: [] });
    expect(matcher.match('')).toEqual({ action: null, matches: [] });
    expect(matcher.match(' \n\t.,!?').matches).toEqual([]);
  });

  it('skips entries without letters and repeated ids, and says why', () => {
    const list = compileWordList([
      { id: 'a', pattern: 'идиот', action: 'flag' },
      { id: 'a', pattern: 'глупак', action: 'flag' },
      { id: 'b', pattern: ' ... ', action: 'flag' },
    ]);

    expect(list.size).toBe(1);
    expect(list.skipped).toEqual([
      { id: 'a', reason: 'duplicate-id' },
      { id: 'b', reason: 'empty-pattern' },
    ]);
  });

  it('handles a very long text and finds a word at its end', () => {
    const text = `${'Паркът има нужда от пейки и сянка. '.repeat(5_000)}идиот`;
    const { matches } = matcher.match(text);

    expect(matches).toHaveLength(1);
    expect(matches[0].start).toBe(text.length - 5);
  });

  it('stays bounded on a long run of ambiguous characters', () => {
    const text = '1!|'.repeat(20_000);

    expect(matcher.match(text).matches).toEqual([]);
  });

  it('does not let spaced-out letters run across a line break', () => {
    expect(matchedIds('и д и\nо т')).toEqual([]);
  });
});

describe('explain', () => {
  it('shows how the text was read', () => {
    expect(matcher.explain('Ti si 1d10t').reading).toBe('ти си идиот');
  });

  it.each([
    ['канал', 'anal', 'not-a-whole-word', 'анал'],
    ['анализ', 'anal', 'not-an-inflection', 'анализ'],
    ['курорт', 'kur', 'not-a-whole-word', 'курорт'],
    ['зелена', 'zelen', 'inflections-off', 'зелена'],
  ])('names the rule that stopped a close match in "%s"', (text, id, reason, span) => {
    const { matches, nearMisses } = matcher.explain(text);

    expect(matches).toEqual([]);
    expect(nearMisses).toContainEqual(expect.objectContaining({ entryId: id, reason, text: span }));
  });

  it('gives the same matches as match', () => {
    const text = 'Ти си идиот и g|upak, к у р в а';

    expect(matcher.explain(text).matches).toEqual(matcher.match(text).matches);
  });
});
