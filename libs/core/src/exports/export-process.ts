import { fork } from 'node:child_process';
import path from 'node:path';
import type { Clock } from '../common/clock';
import type { ExportsRepository } from './exports.repository';

export interface ExportChildRequest {
  exportId: string;
  databaseUrl: string;
}

export type ExportChildMessage =
  | { type: 'done'; peakRssMb: number; cpuSeconds: number; packages: string[] }
  | { type: 'failed'; message: string };

export interface ExportOutcome {
  /** The export process's peak resident memory. */
  peakRssMb: number;
  /** Processor time the export process used, user and system (the wall time depends on load). */
  cpuSeconds: number;
  /** npm packages the export process loaded. */
  packages: string[];
  pid: number;
}

export interface ExportProcessOptions {
  databaseUrl: string;
  /** V8 heap limit of the export process; the writers stream, so this is generous. */
  heapMb?: number;
}

// Measured with 1,000,000 comments (docs/benchmarks.md): the biggest format keeps well below this,
// and the cap makes V8 collect before the process nears 300 MB.
export const exportHeapMb = 128;

/**
 * Runs each export in a process of its own, forked for it and gone when it ends. The worker stays
 * small (its framework and libraries are not in the export process) and an export that runs out
 * of memory takes down only itself: the export is marked failed and the job retried.
 */
export class ExportProcess {
  constructor(
    private readonly exports: ExportsRepository,
    private readonly clock: Clock,
    private readonly options: ExportProcessOptions,
  ) {}

  async run(exportId: string): Promise<ExportOutcome> {
    try {
      return await this.fork({ exportId, databaseUrl: this.options.databaseUrl });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.exports.fail(exportId, message, this.clock.now());
      throw error;
    }
  }

  private fork(request: ExportChildRequest): Promise<ExportOutcome> {
    const child = fork(childScript.path, [], {
      execArgv: [
        ...childScript.execArgv,
        `--max-old-space-size=${this.options.heapMb ?? exportHeapMb}`,
      ],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let errorOutput = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errorOutput = (errorOutput + chunk.toString('utf8')).slice(-4000);
    });

    return new Promise((resolve, reject) => {
      let outcome: ExportChildMessage | undefined;
      child.on('message', (message: ExportChildMessage) => (outcome = message));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (outcome?.type === 'done') {
          const { peakRssMb, cpuSeconds, packages } = outcome;

          return resolve({ peakRssMb, cpuSeconds, packages, pid: child.pid ?? 0 });
        }

        if (outcome?.type === 'failed') return reject(new Error(outcome.message));
        reject(
          new Error(
            `The export process stopped (${signal ?? `exit code ${code}`})${reason(errorOutput)}`,
          ),
        );
      });
      child.send(request);
    });
  }
}

/** The line of the process's error output that says why it stopped, such as V8's heap limit. */
function reason(errorOutput: string): string {
  const lines = errorOutput
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const fatal = lines.find((line) => line.includes('FATAL ERROR')) ?? lines.at(-1);

  return fatal ? `: ${fatal}` : '';
}

// Compiled, the child is plain JavaScript next to this file. Under the test runner (sources) the
// child compiles the TypeScript as it loads it, the same way the build does.
export const childScript = __filename.endsWith('.js')
  ? { path: path.join(__dirname, 'export-process.child.js'), execArgv: [] }
  : {
      path: path.join(__dirname, 'export-process.child.ts'),
      execArgv: ['--require', path.resolve(__dirname, '../../../../scripts/lib/register-ts.mjs')],
    };
