import { findThemes } from '@razgovor/themes';
import { parentPort, workerData } from 'node:worker_threads';
import type { ComputeMessage, ComputeRequest } from './theme-compute';

const request = workerData as ComputeRequest;
const post = (message: ComputeMessage) => parentPort?.postMessage(message);

try {
  const result = findThemes(request.texts, {
    ...request.options,
    onProgress: (stage, done, total) => post({ type: 'progress', stage, done, total }),
  });
  post({ type: 'result', result });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
