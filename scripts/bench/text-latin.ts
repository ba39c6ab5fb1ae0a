// How often Latin-typed Bulgarian is wrongly recognised in English text: every search snippet, and
// every three-word piece of them. Reads ../shared/data (not part of the repository).
// Usage: node scripts/bench/themes-run.mjs scripts/bench/text-latin.ts
import { isLatinBulgarian } from '@razgovor/text';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const snippets = path.resolve(
  __dirname,
  '../../../shared/data/search-snippets/search_snippets.csv',
);
const rows = parse(readFileSync(snippets), { columns: true }) as Array<{ text: string }>;
const texts = rows.map(({ text }) => text);
const pieces: string[] = [];
for (const text of texts) {
  const words = text.split(' ');
  for (let start = 0; start + 3 <= words.length; start += 3) {
    pieces.push(words.slice(start, start + 3).join(' '));
  }
}

const wrongTexts = texts.filter(isLatinBulgarian).length;
const wrongPieces = pieces.filter(isLatinBulgarian).length;
console.log(`snippets taken for Latin-typed Bulgarian: ${wrongTexts} of ${texts.length}`);
console.log(
  `three-word pieces taken for Latin-typed Bulgarian: ${wrongPieces} of ${pieces.length} ` +
    `(${((wrongPieces / pieces.length) * 100).toFixed(3)}%)`,
);
