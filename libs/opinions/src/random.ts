/** A seeded generator of floats in [0, 1): the same seed gives the same run. */
export type Random = () => number;

export function createRandom(seed: number): Random {
  // mulberry32: small and fast; Math.random cannot be seeded, and runs must repeat exactly.
  let state = (Math.floor(seed) ^ 0x2545f491) >>> 0;

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
