import { describe, expect, it } from 'vitest';
import { LATIN_BULGARIAN_SENTENCES } from './latin-bulgarian.examples';
import { transliterateToCyrillic, transliterateToLatin } from './transliterate';

describe('transliterateToCyrillic', () => {
  it.each(LATIN_BULGARIAN_SENTENCES)('reads "%s" as "%s"', (latin, cyrillic) => {
    expect(transliterateToCyrillic(latin)).toBe(cyrillic);
  });

  it.each([
    ['4ovek', 'човек'],
    ['ku6ta', 'куща'],
    ['6te', 'ще'],
    ['Sofia', 'София'],
    ['istorii', 'истории'],
    ['moite', 'моите'],
    ['kraj', 'край'],
    ['yagoda', 'ягода'],
  ])('spells "%s" as "%s"', (latin, cyrillic) => {
    expect(transliterateToCyrillic(latin)).toBe(cyrillic);
  });

  it('leaves Cyrillic, plain numbers and punctuation alone', () => {
    expect(transliterateToCyrillic('парк 46, park!')).toBe('парк 46, парк!');
  });
});

describe('transliterateToLatin', () => {
  it.each([
    ['парк', 'park'],
    ['Щастливец', 'Shtastlivets'],
    ['ЖИВОТ', 'ZHIVOT'],
    ['Юнаци', 'Yunatsi'],
    ['България', 'Balgaria'],
    ['София', 'Sofia'],
    ['детски площадки', 'detski ploshtadki'],
    ['ъгъл', 'agal'],
  ])('spells "%s" in the official system as "%s"', (cyrillic, latin) => {
    expect(transliterateToLatin(cyrillic)).toBe(latin);
  });
});
