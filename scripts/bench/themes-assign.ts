// Time to place one new comment with a reloaded model:
// node scripts/bench/themes-run.mjs scripts/bench/themes-assign.ts
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { assignComment, findThemes, loadModel, serializeModel } from '@razgovor/themes';
const rows = parse(readFileSync('/work/shared/data/search-snippets/search_snippets.csv'), {
  columns: true,
}) as Record<string, string>[];
const texts = rows.map((r) => r.text);
const model = loadModel(serializeModel(findThemes(texts, { seed: 1 }).model));
assignComment(model, 'warm up');
const t0 = performance.now();
for (let i = 0; i < 200; i++) assignComment(model, texts[i * 37]);
console.log(
  'per comment ms',
  ((performance.now() - t0) / 200).toFixed(2),
  'model json MB',
  (serializeModel(model).length / 1e6).toFixed(1),
);
