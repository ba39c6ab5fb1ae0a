// Runs a TypeScript script of the themes benchmarks without a build step: every .ts file that is
// required is compiled in memory with the project's SWC options (aliases included).
// Usage: node scripts/bench/themes-run.mjs scripts/bench/themes-quality.ts [args...]
import { transformSync } from '@swc/core';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { swcOptions } from '../swc-options.mjs';

const options = swcOptions('commonjs');
const extensions = Module._extensions;
extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    ...options,
    sourceMaps: 'inline',
    filename,
  });
  module._compile(code, filename);
};

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('Usage: node scripts/bench/themes-run.mjs FILE.ts [args...]');
  process.exit(2);
}

process.argv = [process.argv[0], path.resolve(entry), ...rest];
createRequire(import.meta.url)(path.resolve(entry));
