// Quality of the themes pipeline against labelled sets, side by side with the reference.
// Run: node scripts/bench/themes-run.mjs scripts/bench/themes-quality.ts [--seeds 1,2,3]
// [--sets snippets,exams] (sets whose name contains one of these) [--modes reference,fixed,auto,plain]
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ari, findThemes, nmi } from '@razgovor/themes';
import { dataDirectory, repositoryRoot } from './themes-data';
import { referenceClustering } from './themes-reference';

const root = repositoryRoot;
const data = dataDirectory();

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

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function listArgument(name: string): string[] | undefined {
  const position = process.argv.indexOf(name);

  return position >= 0 ? process.argv[position + 1].split(',') : undefined;
}

type Mode = 'reference' | 'fixed' | 'auto' | 'plain';

function main(): void {
  const seeds = (listArgument('--seeds') ?? ['1', '2', '3']).map(Number);
  const setNames = listArgument('--sets');
  const modes = new Set(listArgument('--modes') ?? ['reference', 'fixed', 'auto', 'plain']);
  const skipped = [NaN, NaN];
  const when = (mode: Mode, run: () => Array<number | null>) =>
    modes.has(mode) ? run() : undefined;
  const scored = (labels: string[], predicted: Array<number | null> | undefined) =>
    predicted ? [nmi(labels, predicted), ari(labels, predicted)] : skipped;
  console.log(
    `NMI / ARI, mean over seeds ${seeds.join(', ')}; k = number of labels unless "auto"\n`,
  );
  console.log(
    '| set | n | labels | reference (tf-idf + sph. k-means) | ours, k fixed ' +
      '| ours, k auto (k chosen) ' +
      '| ours, k fixed, no bilingual bridge |',
  );
  console.log('|---|---|---|---|---|---|---|');

  const sets = loadSets().filter(
    (set) => !setNames || setNames.some((name) => set.name.includes(name)),
  );
  for (const set of sets) {
    const k = new Set(set.labels).size;
    const runs = seeds.map((seed) => {
      const themes = (options: Parameters<typeof findThemes>[1]) =>
        findThemes(set.texts, options).assignments.map((item) => item.theme);
      const auto = modes.has('auto') ? findThemes(set.texts, { seed }) : undefined;

      return {
        reference: scored(
          set.labels,
          when('reference', () => referenceClustering(set.texts, k, seed)),
        ),
        fixed: scored(
          set.labels,
          when('fixed', () => themes({ seed, k })),
        ),
        auto: scored(
          set.labels,
          auto?.assignments.map((item) => item.theme),
        ),
        autoK: auto ? auto.themes.length : '-',
        plain: scored(
          set.labels,
          when('plain', () => themes({ seed, k, bilingual: false })),
        ),
      };
    });
    const average = (key: Mode, metric: number) =>
      mean(runs.map((run) => run[key][metric])).toFixed(3);
    const cell = (key: Mode) => `${average(key, 0)} / ${average(key, 1)}`;
    const ks = runs.map((run) => run.autoK).join(',');
    console.log(
      `| ${set.name} | ${set.texts.length} | ${k} | ${cell('reference')} | ${cell('fixed')} | ` +
        `${cell('auto')} (${ks}) | ${cell('plain')} |`,
    );
  }
}

main();
