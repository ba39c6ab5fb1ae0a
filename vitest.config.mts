import path from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { aliases, root, swcOptions } from './scripts/swc-options.mjs';

const alias = Object.fromEntries(
  Object.entries(aliases)
    .filter(([name]) => !name.endsWith('*'))
    .map(([name, [target]]) => [name, path.join(root, target)]),
);
alias['@razgovor/core/'] = path.join(root, 'libs/core/src/');

const plugins = [
  swc.vite({ ...swcOptions('es6'), jsc: { ...swcOptions('es6').jsc, paths: undefined } }),
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'libs/**/src/**/*.spec.ts',
            'scripts/**/*.spec.ts',
            'apps/web/src/**/*.spec.ts',
          ],
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'integration',
          include: [
            'apps/api/test/**/*.spec.ts',
            'apps/worker/test/**/*.spec.ts',
            'apps/cli/test/**/*.spec.ts',
          ],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'browser',
          include: ['apps/web/test/**/*.spec.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
