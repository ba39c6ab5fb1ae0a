import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(__dirname, '../..');

export function buildServer(): void {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], {
    stdio: 'ignore',
  });
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runNode(
  script: string,
  args: string[],
  env: Record<string, string>,
): RunningProcess {
  const child = spawn(process.execPath, [path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  return {
    child,
    output: () => output,
    exit,
    async waitForOutput(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(`Did not see ${pattern} in output:\n${output}`);
        }

        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
