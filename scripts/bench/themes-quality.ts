// Quality of the themes pipeline against labelled sets, side by side with the reference.
// Run: node scripts/bench/themes-run.mjs scripts/bench/themes-quality.ts [--seeds 1,2,3]
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ari, findThemes, nmi } from '@razgovor/themes';
import { referenceClustering } from './themes-reference';

const root = path.resolve(__dirname, '../..');
const data = path.resolve(root, '../shared/data');

interface LabelledSet {
  name: string;
  texts: string[];
  labels: string[];
}

function readCsv(file: string): Array<Record<string, string>> {
  return parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true });
}

function loadSets(): LabelledSet[] {
  const exams = readCsv(path.join(data, 'exams-bg/exams_bg_dev.csv'));
  const snippets = readCsv(path.join(data, 'search-snippets/search_snippets.csv'));
  const mixed = readCsv(path.join(root, 'libs/themes/fixtures/mixed-bg-en.csv'));

  return [
    {
      name: 'exams-bg question',
      texts: exams.map((row) => row.question),
      labels: exams.map((row) => row.subject),
    },
    {
      name: 'exams-bg question+choices',
      texts: exams.map((row) => `${row.question} ${row.choices.replaceAll(' | ', ', ')}`),
      labels: exams.map((row) => row.subject),
    },
    {
      name: 'search-snippets',
      texts: snippets.map((row) => row.text),
      labels: snippets.map((row) => row.label),
    },
    {
      name: 'mixed bg/en fixture',
      texts: mixed.map((row) => row.text),
      labels: mixed.map((row) => row.label),
    },
  ];
}

function score(labels: string[], predicted: Array<number | null>): string {
  return `${nmi(labels, predicted).toFixed(3)} / ${ari(labels, predicted).toFixed(3)}`;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function main(): void {
  const seedsArgument = process.argv.indexOf('--seeds');
  const seeds =
    seedsArgument >= 0 ? process.argv[seedsArgument + 1].split(',').map(Number) : [1, 2, 3];
  console.log(
    `NMI / ARI, mean over seeds ${seeds.join(', ')}; k = number of labels unless "auto"\n`,
  );
  console.log(
    '| set | n | labels | reference (tf-idf + sph. k-means) | ours, k fixed ' +
      '| ours, k auto (k chosen) ' +
      '| ours, k fixed, no bilingual bridge |',
  );
  console.log('|---|---|---|---|---|---|---|');

  for (const set of loadSets()) {
    const k = new Set(set.labels).size;
    const runs = seeds.map((seed) => {
      const reference = referenceClustering(set.texts, k, seed);
      const fixed = findThemes(set.texts, { seed, k }).assignments.map((item) => item.theme);
      const auto = findThemes(set.texts, { seed });
      const plain = findThemes(set.texts, { seed, k, bilingual: false });

      return {
        reference: [nmi(set.labels, reference), ari(set.labels, reference)],
        fixed: [nmi(set.labels, fixed), ari(set.labels, fixed)],
        auto: [
          nmi(
            set.labels,
            auto.assignments.map((item) => item.theme),
          ),
          ari(
            set.labels,
            auto.assignments.map((item) => item.theme),
          ),
        ],
        autoK: auto.themes.length,
        plain: [
          nmi(
            set.labels,
            plain.assignments.map((item) => item.theme),
          ),
          ari(
            set.labels,
            plain.assignments.map((item) => item.theme),
          ),
        ],
      };
    });
    const average = (key: 'reference' | 'fixed' | 'auto' | 'plain', metric: number) =>
      mean(runs.map((run) => run[key][metric])).toFixed(3);
    const cell = (key: 'reference' | 'fixed' | 'auto' | 'plain') =>
      `${average(key, 0)} / ${average(key, 1)}`;
    const ks = runs.map((run) => run.autoK).join(',');
    console.log(
      `| ${set.name} | ${set.texts.length} | ${k} | ${cell('reference')} | ${cell('fixed')} | ` +
        `${cell('auto')} (${ks}) | ${cell('plain')} |`,
    );
  }
}

void score;
main();
