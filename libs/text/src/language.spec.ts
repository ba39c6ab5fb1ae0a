import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['Искаме повече пейки', 'bg'],
    ['да', 'bg'],
    ['цар Йоан Асен ІІ', 'bg'],
    ['shte hodq v parka', 'bg'],
    ['zdraveite', 'bg'],
    ['We need more benches', 'en'],
    ['ok', 'en'],
    ['Sofia park', 'en'],
    ['Это ёж, а не парк', 'other'],
    ['Die Bäume müssen bleiben', 'other'],
    ['Καλημέρα', 'other'],
    ['123 !!!', 'other'],
    ['', 'other'],
  ])('takes "%s" for %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
