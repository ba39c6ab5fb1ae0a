import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';

describe('analyze', () => {
  it('reads Bulgarian typed in Latin letters as Cyrillic and stems it', () => {
    const result = analyze('shte hodq v parka');

    expect(result).toMatchObject({ language: 'bg', isTransliterated: true });
    expect(result.tokens.map(({ surface }) => surface)).toEqual(['ще', 'ходя', 'в', 'парка']);
    expect(result.tokens.map(({ isStopWord }) => isStopWord)).toEqual([true, false, true, false]);
    expect(result.tokens[3].stem).toBe(analyze('паркът').tokens[0].stem);
  });

  it('gives Cyrillic and Latin spellings of a phrase the same stems', () => {
    const stems = (text: string) => analyze(text).tokens.map(({ stem }) => stem);

    expect(stems('Iskame novi detski ploshtadki')).toEqual(stems('Искаме нови детски площадки'));
  });

  it('stems English with Porter and flags English stop words', () => {
    const result = analyze('We need more playgrounds');

    expect(result.language).toBe('en');
    expect(result.tokens.map(({ stem }) => stem)).toEqual(['we', 'need', 'more', 'playground']);
    expect(result.tokens.filter(({ isStopWord }) => isStopWord)).toHaveLength(2);
  });

  it('stems a Latin brand name in a Bulgarian comment by English rules', () => {
    const result = analyze('Паркингът до Lidl stores');

    expect(result.language).toBe('bg');
    expect(result.isTransliterated).toBe(false);
    expect(result.tokens.map(({ stem }) => stem)).toEqual(['паркинг', 'до', 'lidl', 'store']);
  });

  it('does not transliterate an English comment when the caller says it is Bulgarian', () => {
    const result = analyze('We need more playgrounds', 'bg');

    expect(result.isTransliterated).toBe(false);
    expect(result.tokens[0].surface).toBe('we');
  });

  it('folds a homoglyph before stemming', () => {
    expect(analyze('пaрка').tokens[0]).toMatchObject({ surface: 'парка', stem: 'парк' });
  });

  it('leaves words of other languages unstemmed', () => {
    const result = analyze('Это ёж');

    expect(result.language).toBe('other');
    expect(result.tokens).toMatchObject([{ surface: 'это', stem: 'это', isStopWord: false }, {}]);
  });

  it('returns no tokens for text without words', () => {
    expect(analyze(' \u200B !!! ').tokens).toEqual([]);
  });
});
