// Compiles api, worker, cli and the libraries to dist/ with SWC (type checking is `npm run typecheck`).
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { root, swcOptions } from './swc-options.mjs';

const sources = ['apps/api/src', 'apps/worker/src', 'apps/cli/src', 'libs'];
const skipped = /(\.spec|\.test|\.d)\.ts$/;

async function collect(dir) {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'test')
        files.push(...(await collect(relative)));
    } else if (entry.name.endsWith('.ts') && !skipped.test(entry.name)) {
      files.push(relative);
    }
  }

  return files;
}

const started = Date.now();
await rm(path.join(root, 'dist/server'), { recursive: true, force: true });
const files = (await Promise.all(sources.map(collect))).flat();
const options = swcOptions();
await Promise.all(
  files.map(async (file) => {
    const output = await transformFile(path.join(root, file), {
      ...options,
      filename: path.join(root, file),
      sourceFileName: path.join(root, file),
    });
    const target = path.join(root, 'dist/server', file.replace(/\.ts$/, '.js'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${output.code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    if (output.map) await writeFile(`${target}.map`, output.map);
  }),
);
console.log(`Compiled ${files.length} files to dist/server in ${Date.now() - started} ms`);
