// What a benchmark reports of the host it ran on, so that runs can be compared.
import { pbkdf2Sync } from 'node:crypto';
import os from 'node:os';

/**
 * The best of five timings of one fixed piece of CPU work, taken before anything starts: a
 * yardstick for comparing runs made on different hosts or on one host at different times.
 */
export function cpuYardstickMs() {
  const timings = Array.from({ length: 5 }, () => {
    const started = performance.now();
    pbkdf2Sync('razgovor', 'yardstick', 100_000, 32, 'sha256');

    return performance.now() - started;
  });

  return Math.min(...timings).toFixed(1);
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
