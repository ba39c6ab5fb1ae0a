// Wall time and peak memory of one full themes run over a synthetic corpus of real sentences.
// Run: node scripts/bench/themes-run.mjs scripts/bench/themes-speed.ts --size 100000
// The corpus: fragments of real texts (search snippets, exam questions with their choices,
// Pol.is comments, the mixed bg/en fixture) cut at a random word and glued in pairs, so that
// comments are of realistic length, in both languages, and almost never repeat exactly.
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findThemes } from '@razgovor/themes';
import { dataDirectory, repositoryRoot } from './themes-data';

const root = repositoryRoot;
const data = dataDirectory();

function column(file: string, name: string): string[] {
  const rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true });

  return (rows as Array<Record<string, string>>).map((row) => row[name]).filter(Boolean);
}

function createRandom(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildCorpus(size: number): string[] {
  const sources = [
    ...column(path.join(data, 'search-snippets/search_snippets.csv'), 'text'),
    ...column(path.join(data, 'exams-bg/exams_bg_dev.csv'), 'question'),
    ...column(path.join(data, 'exams-bg/exams_bg_dev.csv'), 'choices'),
    ...column(path.join(data, 'polis-ssis/comments.csv'), 'comment-body'),
    ...column(path.join(root, 'libs/themes/fixtures/mixed-bg-en.csv'), 'text'),
  ].map((text) => text.split(/\s+/u));
  const random = createRandom(42);
  const fragment = () => {
    const words = sources[Math.floor(random() * sources.length)];
    const start = Math.floor(random() * Math.max(1, words.length - 4));

    return words.slice(start, start + 4 + Math.floor(random() * 12)).join(' ');
  };

  return Array.from({ length: size }, () => `${fragment()} ${fragment()}`);
}

const sizeArgument = process.argv.indexOf('--size');
const size = sizeArgument >= 0 ? Number(process.argv[sizeArgument + 1]) : 10_000;
const texts = buildCorpus(size);
const words = texts.reduce((sum, text) => sum + text.split(' ').length, 0);
// CPU time is reported beside wall time: on a shared machine the wall time also measures the
// other processes, while the CPU time of this one does not.
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);

  return (used.user + used.system) / 1e6;
};

const started = performance.now();
const startedCpu = process.cpuUsage();
const stages: string[] = [];
let lastStage = '';
const result = findThemes(texts, {
  seed: 1,
  onProgress: (stage, done, total) => {
    const label = stage === 'clustering' && done > 0 && done === total - 1 ? 'choosing k' : stage;
    if (label !== lastStage) {
      const wall = ((performance.now() - started) / 1000).toFixed(1);
      stages.push(`${label} ${wall}s (cpu ${cpuSeconds(startedCpu).toFixed(1)}s)`);
    }

    lastStage = label;
  },
});
const seconds = (performance.now() - started) / 1000;
const cpu = cpuSeconds(startedCpu);
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `${size} comments (${(words / size).toFixed(1)} words each): ${seconds.toFixed(1)} s ` +
    `(cpu ${cpu.toFixed(1)} s), ` +
    `peak RSS ${peakMb.toFixed(0)} MB (whole process), ${result.themes.length} themes`,
);
console.log(`stage starts: ${stages.join(', ')}`);
