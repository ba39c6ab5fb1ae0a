// `npm start`: finds or starts PostgreSQL and Redis, builds, migrates, seeds the demo data and runs
// the api (serving the web app), the worker and the development mailbox until Ctrl-C.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launch, runStep, say, waitForHealth } from './lib/processes.mjs';
import { isPortOpen, missingServicesHelp, resolveServices } from './lib/services.mjs';
import { root } from './swc-options.mjs';

const children = [];
let stopping = false;

function stop(code) {
  if (stopping) return;
  stopping = true;
  say('start', 'Stopping…');
  for (const child of [...children].reverse()) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (!existsSync(path.join(root, 'node_modules'))) {
  console.error('Run `npm install` first, then `npm start`.');
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
if (await isPortOpen('127.0.0.1', port)) {
  console.error(
    `Port ${port} is taken. Stop what runs there, or choose another: PORT=3001 npm start`,
  );
  process.exit(1);
}

const services = await resolveServices(root, children, (text) => say('start', text));
if (!services) {
  console.error(missingServicesHelp);
  stop(1);
} else {
  const smtpPort = Number(process.env.DEV_SMTP_PORT ?? 1025);
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    PORT: String(port),
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${smtpPort}`,
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
    WEB_DIST: path.join(root, 'dist/web'),
  };
  say('start', `PostgreSQL: ${services.databaseUrl}`);
  say('start', `Redis:      ${services.redisUrl}`);

  if (process.env.RAZGOVOR_SKIP_BUILD !== '1') {
    runStep('Building the server…', process.execPath, ['scripts/build-server.mjs'], env);
    runStep(
      'Building the web app…',
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--config',
        'apps/web/vite.config.mts',
        '--logLevel',
        'warn',
      ],
      env,
    );
  }

  const cli = path.join(root, 'dist/server/apps/cli/src/main.js');
  runStep('Applying migrations and demo data…', process.execPath, [cli, 'seed'], env);

  const isOwnMailbox = !process.env.SMTP_URL && env.NODE_ENV !== 'production';
  if (isOwnMailbox && !(await isPortOpen('127.0.0.1', smtpPort))) {
    launch('mailbox', [cli, 'mailbox', '--port', String(smtpPort)], env, children);
  }

  const api = launch('api', [path.join(root, 'dist/server/apps/api/src/main.js')], env, children);
  launch('worker', [path.join(root, 'dist/server/apps/worker/src/main.js')], env, children);
  for (const child of children) child.on('exit', (code) => stopping || stop(code ?? 1));

  if (await waitForHealth(`http://127.0.0.1:${port}/api/health`, 60)) {
    const url = env.PUBLIC_URL;
    process.stdout.write(`
  Razgovor is running: ${url}

  Demo sign-ins (password: razgovor-demo)
    admin@razgovor.demo        admin: grants roles at ${url}/admin/users
    facilitator@razgovor.demo  facilitator
    analyst@razgovor.demo      analyst
    citizen@razgovor.demo      citizen

  Mail sent by the app:  ${url}/dev/mailbox
  API documentation:     ${url}/api/docs
  Stop with Ctrl-C.

`);
  } else if (!stopping) {
    say('start', `The api did not become healthy within 60 s (pid ${api.pid}); see its log above`);
  }
}
