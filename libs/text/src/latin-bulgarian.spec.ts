import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isLatinBulgarian } from './latin-bulgarian';
import { LATIN_BULGARIAN_SENTENCES } from './latin-bulgarian.examples';

// Shared development data, kept outside the repository; the check is skipped where it is absent.
const SNIPPETS = path.resolve(
  __dirname,
  '../../../../shared/data/search-snippets/search_snippets.csv',
);

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

  it.skipIf(!existsSync(SNIPPETS))('almost never fires on English search snippets', () => {
    const rows = parse(readFileSync(SNIPPETS), { columns: true }) as Array<{ text: string }>;
    const texts = rows.map(({ text }) => text);
    const pairs = texts.flatMap((text) => chunk(text.split(' '), 3));
    const falseTexts = texts.filter(isLatinBulgarian).length;
    const falsePairs = pairs.filter(isLatinBulgarian).length;

    console.info(
      `Latin Bulgarian false positives on English: ${falseTexts}/${texts.length} snippets, ` +
        `${falsePairs}/${pairs.length} three-word pieces ` +
        `(${((falsePairs / pairs.length) * 100).toFixed(3)}%)`,
    );
    expect(falseTexts / texts.length).toBeLessThan(0.001);
    expect(falsePairs / pairs.length).toBeLessThan(0.002);
  });
});

function chunk(words: string[], size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start + size <= words.length; start += size) {
    pieces.push(words.slice(start, start + size).join(' '));
  }

  return pieces;
}
