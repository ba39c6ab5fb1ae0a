// Cost of checking comments against a 2,000-entry word list (issue 4, section 4: under 1 ms a
// comment). Run: node scripts/bench/wordlist.ts through the SWC runner:
//   node scripts/bench/themes-run.mjs scripts/bench/wordlist.ts [--entries 2000] [--comments 10000]
//
// Entries: real words drawn with a fixed seed from the shared data (so they do occur in comments,
// which is harder than a list of insults that rarely do): 45% Bulgarian words in Cyrillic, 15% the
// same kind typed in Latin letters, 25% English words, 10% two-word phrases from either language,
// 5% short words (3 letters). Every tenth entry has wholeWord: false, every fifth no inflections.
// Comments: two runs of 4-15 consecutive words from a random point of a random text, glued;
// a fifth of them then get an evasion (Latin transliteration, repeated letters, digits for
// letters, letters spaced out).
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  compileWordList,
  transliterateToLatin,
  type WordListAction,
  type WordListEntry,
} from '@razgovor/text';

const data = path.resolve(__dirname, '../../../shared/data');
const ACTIONS: WordListAction[] = ['flag', 'hold', 'block'];

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);

  return index < 0 ? fallback : Number(process.argv[index + 1]);
}

function readColumn(file: string, name: string): string[] {
  const rows = parse(readFileSync(path.join(data, file)), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;

  return rows.map((row) => row[name] ?? '').filter((text) => text !== '');
}

/** A small seeded generator (xorshift32), so that every run measures the same list and texts. */
function seeded(seed: number): () => number {
  let state = seed || 1;

  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;

    return (state >>> 0) / 2 ** 32;
  };
}

const random = seeded(20_240_601);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const bulgarianTexts = [
  ...readColumn('exams-bg/exams_bg_dev.csv', 'question'),
  ...readColumn('exams-bg/exams_bg_dev.csv', 'choices'),
];
const englishTexts = [
  ...readColumn('search-snippets/search_snippets.csv', 'text'),
  ...readColumn('polis-ssis/comments.csv', 'comment-body'),
];
const words = (texts: string[]): string[] =>
  texts.flatMap((text) => text.toLowerCase().match(/[\p{L}]+/gu) ?? []);
const bulgarianWords = [...new Set(words(bulgarianTexts))];
const englishWords = [...new Set(words(englishTexts))];

function buildEntries(count: number): WordListEntry[] {
  const entries: WordListEntry[] = [];
  const patterns = new Set<string>();
  while (entries.length < count) {
    const roll = random();
    const long = (list: string[]): string => pickWhere(list, (word) => word.length >= 4);
    let pattern: string;
    if (roll < 0.45) pattern = long(bulgarianWords);
    else if (roll < 0.6) pattern = transliterateToLatin(long(bulgarianWords));
    else if (roll < 0.85) pattern = long(englishWords);
    else if (roll < 0.95) pattern = phrase(random() < 0.5 ? bulgarianTexts : englishTexts);
    else pattern = pickWhere(random() < 0.5 ? bulgarianWords : englishWords, isShort);
    if (patterns.has(pattern)) continue;

    patterns.add(pattern);
    const index = entries.length;
    entries.push({
      id: `entry-${index}`,
      pattern,
      action: pick(ACTIONS),
      wholeWord: index % 10 !== 9,
      matchInflections: index % 5 !== 4,
    });
  }

  return entries;
}

function isShort(word: string): boolean {
  return word.length === 3;
}

function pickWhere(list: string[], accept: (word: string) => boolean): string {
  for (;;) {
    const word = pick(list);
    if (accept(word)) return word;
  }
}

function phrase(texts: string[]): string {
  const parts = pick(texts).split(/\s+/u);
  const start = Math.floor(random() * Math.max(1, parts.length - 1));

  return parts.slice(start, start + 2).join(' ');
}

function fragment(): string {
  const parts = pick(random() < 0.5 ? bulgarianTexts : englishTexts).split(/\s+/u);
  const length = 4 + Math.floor(random() * 12);
  const start = Math.floor(random() * Math.max(1, parts.length - length));

  return parts.slice(start, start + length).join(' ');
}

// Evasions applied to a fifth of the comments, so the walk meets what it is built for.
const EVASIONS: Array<(text: string) => string> = [
  (text) => transliterateToLatin(text),
  (text) => text.replace(/[аоaeи]/gu, (letter) => letter.repeat(3)),
  (text) => text.replace(/[oо]/gu, '0').replace(/[iи]/gu, '1').replace(/[зe]/gu, '3'),
  (text) => text.replace(/\p{L}{4,8}/u, (word) => [...word].join(' ')),
];

function buildComments(count: number): string[] {
  return Array.from({ length: count }, () => {
    const text = `${fragment()} ${fragment()}`;

    return random() < 0.2 ? pick(EVASIONS)(text) : text;
  });
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

function report(label: string, times: number[]): void {
  const sorted = [...times].sort((left, right) => left - right);
  const mean = sorted.reduce((sum, time) => sum + time, 0) / sorted.length;
  const figures = [
    `mean ${mean.toFixed(3)} ms`,
    `p50 ${percentile(sorted, 0.5).toFixed(3)} ms`,
    `p99 ${percentile(sorted, 0.99).toFixed(3)} ms`,
    `max ${sorted[sorted.length - 1].toFixed(3)} ms`,
  ];
  console.log(`${label}: ${figures.join(', ')}`);
}

function main(): void {
  const entries = buildEntries(option('entries', 2_000));
  const comments = buildComments(option('comments', 10_000));

  const compileStart = process.hrtime.bigint();
  const matcher = compileWordList(entries);
  const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;

  // One untimed pass lets V8 optimise the walk before it is measured.
  for (const comment of comments) matcher.match(comment);

  const times: number[] = [];
  let matched = 0;
  let matches = 0;
  for (const comment of comments) {
    const start = process.hrtime.bigint();
    const result = matcher.match(comment);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.action !== null) matched += 1;
    matches += result.matches.length;
  }

  // The machine is shared: a single timing also catches other processes and GC pauses. The best
  // of five runs of the same comment is the matcher's own cost.
  const best = comments.map((comment) => {
    let fastest = Infinity;
    for (let run = 0; run < 5; run += 1) {
      const start = process.hrtime.bigint();
      matcher.match(comment);
      fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
    }

    return fastest;
  });

  const characters = comments.reduce((sum, comment) => sum + comment.length, 0) / comments.length;
  console.log(
    `entries ${matcher.size}, comments ${comments.length}, ${characters.toFixed(0)} chars each`,
  );
  console.log(`compile ${compileMs.toFixed(1)} ms`);
  report('per comment, one run', times);
  report('per comment, best of 5', best);
  console.log(`comments with a match ${matched}, matches ${matches}`);
}

main();
