import { normalize } from './normalize';

// Letters with their combining marks, digits, and an apostrophe inside a word ("don't", "city's").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:'[\p{L}\p{M}\p{N}]+)*/gu;

/** Lower-case words of a text; keeps every Cyrillic and accented letter and numbers. */
export function tokenize(text: string): string[] {
  return normalize(text).toLowerCase().match(WORD) ?? [];
}

/** Word with the position of its clause in the text, so phrases do not span a comma. */
export interface ClausedWord {
  word: string;
  clause: number;
}

const CLAUSE_BREAK = /[.,;:!?()[\]{}"\n…]/u;

/** Like `tokenize`, but also numbers the clauses that punctuation separates. */
export function tokenizeClauses(normalized: string): ClausedWord[] {
  const lower = normalized.toLowerCase();
  const result: ClausedWord[] = [];
  let clause = 0;
  let last = 0;
  for (const match of lower.matchAll(WORD)) {
    const isSingleSpace = match.index - last === 1 && lower[last] === ' ';
    if (!isSingleSpace && CLAUSE_BREAK.test(lower.slice(last, match.index))) clause += 1;
    result.push({ word: match[0], clause });
    last = match.index + match[0].length;
  }

  return result;
}
