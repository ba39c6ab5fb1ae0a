// Lets a process forked from the test runner load the TypeScript sources, compiled with the same
// SWC options as the server build (aliases included). Loaded with --require, before the sources;
// compiled code never loads it.
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { transformSync } from '@swc/core';
import { swcOptions } from '../swc-options.mjs';

const options = swcOptions('commonjs');

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    ...options,
    filename,
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
