import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { findPhrases, surfaceForms } from './phrases';

const COMMENTS = [
  'Искаме нови детски площадки в парка',
  'Детските площадки са опасни',
  'Детски площадки и пейки, моля',
  'Да се ремонтират детските площадки',
  'Нужни са детски площадки в квартала',
  'Повече пейки в парка',
  'Пейки и кошчета за боклук',
  'Парка има нужда от осветление',
  'Велоалеи по булевардите',
  'Кошчета за боклук на всяка пресечка',
].map((text) => analyze(text));

describe('findPhrases', () => {
  it('labels a frequent pair with its most frequent surface form', () => {
    // Ten comments are too few for the default p < 0.001 threshold; p < 0.05 is enough here.
    const [first] = findPhrases(COMMENTS, { minLogLikelihood: 3.84 });

    expect(first).toMatchObject({ surface: 'детски площадки', count: 5 });
    expect(first.logLikelihood).toBeGreaterThan(3.84);
    expect(first.pmi).toBeGreaterThan(0);
  });

  it('skips pairs below the minimum count', () => {
    const keys = findPhrases(COMMENTS, { minCount: 2, minLogLikelihood: 0 }).map(
      ({ surface }) => surface,
    );

    expect(keys).not.toContain('нови детски');
  });

  it('does not join words across a stop word or a comma', () => {
    const texts = ['пейки, кошчета', 'пейки, кошчета', 'пейки и кошчета', 'пейки; кошчета'].map(
      (text) => analyze(text),
    );

    expect(findPhrases(texts, { minCount: 1, minLogLikelihood: 0 })).toEqual([]);
  });

  it('accepts any iterable of analysed texts', () => {
    function* texts() {
      yield* COMMENTS;
    }

    expect(findPhrases(texts(), { minLogLikelihood: 3.84 })[0].surface).toBe('детски площадки');
  });
});

describe('surfaceForms', () => {
  it('maps each stem to its most frequent surface form', () => {
    const forms = surfaceForms(COMMENTS);

    expect(forms.get(analyze('площадки').tokens[0].stem)).toBe('площадки');
    expect(forms.get(analyze('пейка').tokens[0].stem)).toBe('пейки');
  });
});
