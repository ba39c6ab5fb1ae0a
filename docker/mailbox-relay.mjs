// Development mailbox for `docker compose --profile dev`.
//
// `node dist/server/apps/cli/src/main.js mailbox --port N` listens on 127.0.0.1 only (see
// libs/core/src/mail/dev-mailbox.ts), which the worker container cannot reach. This script starts
// that command on an internal port and relays 0.0.0.0:MAILBOX_PORT (default 1025) to it, so the
// worker can send to smtp://mailbox:1025. Caught mail is kept in Redis and shown by the api at
// /dev/mailbox when DEV_MAILBOX=true. Remove this relay once the CLI command can bind another host.
import { spawn } from 'node:child_process';
import net from 'node:net';

const publicPort = Number(process.env.MAILBOX_PORT ?? 1025);
const innerPort = publicPort + 1;

const mailbox = spawn(
  process.execPath,
  ['dist/server/apps/cli/src/main.js', 'mailbox', '--port', String(innerPort)],
  { stdio: 'inherit' },
);

const relay = net.createServer((client) => {
  const upstream = net.connect(innerPort, '127.0.0.1');
  client.pipe(upstream).pipe(client);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
});
relay.listen(publicPort, '0.0.0.0', () => {
  process.stdout.write(`Mailbox relay: 0.0.0.0:${publicPort} -> 127.0.0.1:${innerPort}\n`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    relay.close();
    mailbox.kill(signal);
  });
}

mailbox.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
