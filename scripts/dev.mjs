// `npm run dev`: watch mode. Recompiles the server on every change (node --watch restarts api and
// worker) and runs Vite's dev server with hot reload on http://localhost:5173.
import { spawn, spawnSync } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { launch, say } from './lib/processes.mjs';
import { missingServicesHelp, resolveServices } from './lib/services.mjs';
import { root } from './swc-options.mjs';

const children = [];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 1000).unref();
};

process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const services = await resolveServices(root, children, (text) => say('start', text));
if (!services) {
  console.error(missingServicesHelp);
  process.exit(1);
}

const port = process.env.PORT ?? '3000';
const env = {
  ...process.env,
  NODE_ENV: 'development',
  PORT: port,
  DATABASE_URL: services.databaseUrl,
  REDIS_URL: services.redisUrl,
  PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://localhost:5173',
};

const build = () =>
  spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' });
build();
spawnSync(process.execPath, ['dist/server/apps/cli/src/main.js', 'seed'], {
  env,
  stdio: 'inherit',
});

const cli = path.join(root, 'dist/server/apps/cli/src/main.js');
launch('mailbox', [cli, 'mailbox', '--port', '1025'], env, children);
for (const name of ['api', 'worker']) {
  const main = path.join(root, `dist/server/apps/${name}/src/main.js`);
  launch(name, ['--watch-path', path.join(root, 'dist/server'), main], env, children);
}

children.push(
  spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', '--config', 'apps/web/vite.config.mts'],
    {
      cwd: root,
      stdio: 'inherit',
      env,
    },
  ),
);

let timer;
for (const folder of ['apps/api/src', 'apps/worker/src', 'apps/cli/src', 'libs']) {
  watch(path.join(root, folder), { recursive: true }, (_event, file) => {
    if (!file?.endsWith('.ts') || file.endsWith('.spec.ts')) return;
    clearTimeout(timer);
    timer = setTimeout(build, 150);
  });
}

say('start', 'Watching for changes. Web app with hot reload: http://localhost:5173');
