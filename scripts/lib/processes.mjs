// Runs Razgovor's processes as children and prints their JSON log lines compactly.
import { spawn, spawnSync } from 'node:child_process';
import readline from 'node:readline';

const colours = { api: 36, worker: 35, mailbox: 33, start: 32 };

export function say(name, text) {
  const colour = process.stdout.isTTY ? (colours[name] ?? 37) : null;
  const label = colour ? `\x1b[${colour}m${name.padEnd(7)}\x1b[0m` : name.padEnd(7);
  process.stdout.write(`${label} ${text}\n`);
}

function compact(line) {
  try {
    const entry = JSON.parse(line);
    const time = typeof entry.time === 'string' ? entry.time.slice(11, 19) : '';
    const context = entry.context ? `[${entry.context}] ` : '';

    return `${time} ${String(entry.level ?? '').padEnd(5)} ${context}${entry.msg ?? line}`;
  } catch {
    return line;
  }
}

export function runStep(label, command, args, env) {
  say('start', label);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    say('start', `${label} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

export function launch(name, args, env, children) {
  const child = spawn(process.execPath, ['--enable-source-maps', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => say(name, compact(line)));
  }

  children.push(child);

  return child;
}

export async function waitForHealth(url, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }

    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return false;
}
