import { describe, expect, it } from 'vitest';
import { stemEnglish } from './english';

describe('stemEnglish', () => {
  it.each([
    ['playgrounds', 'playground'],
    ['parks', 'park'],
    ['running', 'run'],
    ['benches', 'bench'],
  ])('stems "%s" to "%s" with the Porter rules', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });

  it.each(['2025', 'парк', 'café'])(
    'leaves "%s", which is not plain English, unchanged',
    (word) => {
      expect(stemEnglish(word)).toBe(word);
    },
  );

  it('stems a contraction without its apostrophe', () => {
    expect(stemEnglish("city's")).toBe('citi');
  });
});
