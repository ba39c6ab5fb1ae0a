import { findThemes, type ThemeOptions, type ThemeResult, type ThemeStage } from '@razgovor/themes';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface ComputeRequest {
  texts: string[];
  options: Pick<ThemeOptions, 'seed' | 'k' | 'minK' | 'maxK'>;
}

export type ComputeMessage =
  | { type: 'progress'; stage: ThemeStage; done: number; total: number }
  | { type: 'result'; result: ThemeResult }
  | { type: 'error'; message: string };

export type ProgressListener = (stage: ThemeStage, done: number, total: number) => void;

/**
 * Runs the clustering off the main thread when running compiled, so the job keeps renewing its
 * lock and reporting progress while the CPU works. Under the test runner (sources, not compiled)
 * it runs inline; the result is the same, only the progress arrives in one burst.
 */
export function computeThemes(
  request: ComputeRequest,
  onProgress: ProgressListener,
): Promise<ThemeResult> {
  const script = path.join(__dirname, 'theme-compute.worker.js');
  if (!__filename.endsWith('.js')) return computeInline(request, onProgress);

  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: request });
    let isSettled = false;
    worker.on('message', (message: ComputeMessage) => {
      if (message.type === 'progress')
        return onProgress(message.stage, message.done, message.total);
      isSettled = true;
      if (message.type === 'result') resolve(message.result);
      else reject(new Error(message.message));
      void worker.terminate();
    });
    worker.on('error', (error) => {
      isSettled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!isSettled) reject(new Error(`The clustering thread stopped with code ${code}`));
    });
  });
}

async function computeInline(request: ComputeRequest, onProgress: ProgressListener) {
  await new Promise((resolve) => setImmediate(resolve));

  return findThemes(request.texts, { ...request.options, onProgress });
}
