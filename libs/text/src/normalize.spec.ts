import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';

describe('normalize', () => {
  it('composes decomposed letters into NFC', () => {
    expect(normalize('cafe\u0301 и\u0306')).toBe('café й');
  });

  it('drops control and zero-width characters and collapses spaces', () => {
    expect(normalize('\u200Bпарк\u00AD\u200D  \t за\u0007\nвсички\uFEFF ')).toBe('парк за всички');
  });

  it('unifies quotes and dashes', () => {
    expect(normalize('„Парк“ – «да» — ‘yes’')).toBe('"Парк" - "да" - \'yes\'');
  });

  it.each([
    ['пaрк', 'парк'],
    ['Сoфия', 'София'],
    ['pаrk', 'park'],
    ['сafé', 'café'],
  ])('folds homoglyphs of the other script in "%s"', (mixed, folded) => {
    expect(normalize(mixed)).toBe(folded);
  });

  it('leaves words with letters unique to both scripts as they are', () => {
    expect(normalize('Qвартал')).toBe('Qвартал');
  });
});
