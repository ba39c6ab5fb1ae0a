// `npm test`: every check CI runs, in order: lint, types, build, then unit, integration and browser
// tests against real PostgreSQL, Redis and Chromium. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root } from './swc-options.mjs';

const node = process.execPath;
const results = path.join(root, 'dist/test-results.json');
const bin = (name) => `node_modules/${name}`;
const steps = [
  ['Lint (ESLint)', [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0']],
  ['Format (Prettier)', [bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']],
  ['Types (server)', [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']],
  ['Types (web)', [bin('typescript/bin/tsc'), '-p', 'apps/web/tsconfig.json', '--noEmit']],
  ['Build (server)', ['scripts/build-server.mjs']],
  [
    'Build (web)',
    [
      bin('vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--logLevel',
      'warn',
    ],
  ],
  [
    'Tests (unit, integration, browser)',
    [
      bin('vitest/vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}`,
      ...process.argv.slice(2),
    ],
  ],
];

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Browser tests need Chromium at ${chromium} (Debian: apt-get install chromium).`);
  process.exit(1);
}

function summary() {
  if (!existsSync(results)) return;
  const report = JSON.parse(readFileSync(results, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  // A plain closing line that any CI reads the same way.
  process.stdout.write(
    `\nTests: ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
      `${skipped ? `, ${skipped} skipped` : ''}\n`,
  );
}

rmSync(results, { force: true });
const started = Date.now();
for (const [label, args] of steps) {
  const stepStarted = Date.now();
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(node, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    summary();
    console.error(`\n✖ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }

  process.stdout.write(`✔ ${label} (${((Date.now() - stepStarted) / 1000).toFixed(1)} s)\n`);
}

summary();
process.stdout.write(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
