/** A seeded generator of floats in [0, 1), so that a run with the same seed repeats exactly. */
export type Random = () => number;

export function createRandom(seed: number): Random {
  // mulberry32: tiny, fast and good enough for sampling and seeding; Math.random cannot be seeded.
  let state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(random: Random): number {
  const u = 1 - random();
  const v = random();

  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** m distinct indices out of 0..n-1 in ascending order (all of them when m >= n). */
export function sampleIndices(n: number, m: number, random: Random): number[] {
  const all = Array.from({ length: n }, (_, index) => index);
  if (m >= n) return all;

  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(random() * (n - i));
    [all[i], all[j]] = [all[j], all[i]];
  }

  return all.slice(0, m).sort((a, b) => a - b);
}
