import { describe, expect, it } from 'vitest';
import { isStopWord } from '.';

describe('isStopWord', () => {
  it.each([
    ['ще', 'bg'],
    ['бяхме', 'bg'],
    ['които', 'bg'],
    ['между', 'bg'],
    ['the', 'en'],
    ["don't", 'en'],
  ] as const)('flags "%s" in %s', (word, language) => {
    expect(isStopWord(word, language)).toBe(true);
  });

  it.each([
    ['парк', 'bg'],
    ['площадки', 'bg'],
    ['park', 'en'],
    ['the', 'other'],
  ] as const)('keeps the content word "%s" in %s', (word, language) => {
    expect(isStopWord(word, language)).toBe(false);
  });
});
