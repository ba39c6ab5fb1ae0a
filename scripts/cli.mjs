// `npm run cli -- COMMAND`: compiles the server code (a fraction of a second) and runs the command.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './swc-options.mjs';

const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) process.exit(build.status ?? 1);

const result = spawnSync(
  process.execPath,
  [
    '--enable-source-maps',
    path.join(root, 'dist/server/apps/cli/src/main.js'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
