import { describe, expect, it } from 'vitest';
import { isLatinBulgarian } from './latin-bulgarian';
import { LATIN_BULGARIAN_SENTENCES } from './latin-bulgarian.examples';

// The false-positive rate on a large English corpus is measured in scripts/bench/text-latin.ts.
describe('isLatinBulgarian', () => {
  it.each(LATIN_BULGARIAN_SENTENCES)('recognises "%s"', (latin) => {
    expect(isLatinBulgarian(latin)).toBe(true);
  });

  it.each([
    'We need more benches in the park',
    'ok',
    'Sofia is a lovely city',
    'I want to go to the park with my kids',
    'nasdaq stock market',
    'mysql sql server database tools',
    'Das ist gut für die Kinder',
    'парк',
    '42',
  ])('does not take "%s" for Bulgarian in Latin letters', (text) => {
    expect(isLatinBulgarian(text)).toBe(false);
  });
});
