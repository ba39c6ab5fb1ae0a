// Does the automatic choice of k follow the number of subjects, or only land near it on the
// full sets? Runs k auto on subsets of the labelled sets that keep some of their labels.
// Run: node scripts/bench/themes-run.mjs scripts/bench/themes-k-subsets.ts [--seeds 1]
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findThemes, nmi } from '@razgovor/themes';
import { dataDirectory } from './themes-data';

const data = dataDirectory();

function readCsv(file: string): Array<Record<string, string>> {
  return parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true });
}

interface Item {
  text: string;
  label: string;
}

const exams = readCsv(path.join(data, 'exams-bg/exams_bg_dev.csv')).map((row) => ({
  text: `${row.question} ${row.choices.replaceAll(' | ', ', ')}`,
  label: row.subject,
}));
const snippets = readCsv(path.join(data, 'search-snippets/search_snippets.csv')).map((row) => ({
  text: row.text,
  label: row.label,
}));

// Labels are taken in order of their first appearance, so the subsets do not depend on a choice.
function firstLabels(items: Item[], count: number): string[] {
  return [...new Set(items.map((item) => item.label))].slice(0, count);
}

function lastLabels(items: Item[], count: number): string[] {
  return [...new Set(items.map((item) => item.label))].slice(-count);
}

const subsets: Array<[string, Item[], string[]]> = [
  ['exams q+c, first 3 subjects', exams, firstLabels(exams, 3)],
  ['exams q+c, last 4 subjects', exams, lastLabels(exams, 4)],
  ['snippets, first 3 labels', snippets, firstLabels(snippets, 3)],
  ['snippets, last 5 labels', snippets, lastLabels(snippets, 5)],
];

const seedsArgument = process.argv.indexOf('--seeds');
const seeds = seedsArgument >= 0 ? process.argv[seedsArgument + 1].split(',').map(Number) : [1];
console.log('| subset | n | labels | k chosen (per seed) | NMI, k auto (mean) |');
console.log('|---|---|---|---|---|');
for (const [name, items, labels] of subsets) {
  const kept = items.filter((item) => labels.includes(item.label));
  const runs = seeds.map((seed) => {
    const result = findThemes(
      kept.map((item) => item.text),
      { seed },
    );
    const found = result.assignments.map((item) => item.theme);

    return {
      k: result.themes.length,
      nmi: nmi(
        kept.map((item) => item.label),
        found,
      ),
    };
  });
  const mean = runs.reduce((sum, run) => sum + run.nmi, 0) / runs.length;
  console.log(
    `| ${name} | ${kept.length} | ${labels.length} | ${runs.map((run) => run.k).join(',')} | ` +
      `${mean.toFixed(3)} |`,
  );
}
