// What a benchmark reports of the host it ran on, so that runs can be compared, and what it
// needs of the servers it starts there.
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

/** Waits until the api at `url` answers its health check, for up to 30 s. */
export async function waitForHealth(url) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const isUp = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (isUp) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  throw new Error(`The api at ${url} did not answer within 30 s`);
}
