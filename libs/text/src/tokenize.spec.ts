import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeClauses } from './tokenize';

describe('tokenize', () => {
  it('keeps Ѝ and accented Latin letters', () => {
    expect(tokenize('Ѝ, café naïve Ъгъл')).toEqual(['ѝ', 'café', 'naïve', 'ъгъл']);
  });

  it('keeps numbers and lower-cases words', () => {
    expect(tokenize('Здравейте, 42 КОТКИ и 3.5 лв!')).toEqual([
      'здравейте',
      '42',
      'котки',
      'и',
      '3',
      '5',
      'лв',
    ]);
  });

  it('keeps an apostrophe inside an English word', () => {
    expect(tokenize("The city’s parks don't close")).toEqual([
      'the',
      "city's",
      'parks',
      "don't",
      'close',
    ]);
  });

  it('splits hyphenated words', () => {
    expect(tokenize('по-добре детско-юношески')).toEqual(['по', 'добре', 'детско', 'юношески']);
  });

  it('numbers clauses at punctuation', () => {
    const words = tokenizeClauses('парк, детски площадки. и пейки');

    expect(words.map(({ clause }) => clause)).toEqual([0, 1, 1, 2, 2]);
  });
});
