// One SWC configuration for the server build and the test runner, so both compile decorators alike.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const aliases = {
  '@razgovor/contracts': ['libs/contracts/src/index.ts'],
  '@razgovor/core': ['libs/core/src/index.ts'],
  '@razgovor/core/*': ['libs/core/src/*'],
  '@razgovor/text': ['libs/text/src/index.ts'],
  '@razgovor/themes': ['libs/themes/src/index.ts'],
  '@razgovor/opinions': ['libs/opinions/src/index.ts'],
};

export function swcOptions(moduleType = 'commonjs') {
  return {
    sourceMaps: true,
    module: { type: moduleType, strict: true },
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      baseUrl: root,
      paths: aliases,
    },
  };
}
