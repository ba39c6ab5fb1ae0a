// How many planted groups k-means recovers exactly when clustering in 2, 3 or 4 components.
// Run: node scripts/bench/themes-run.mjs scripts/bench/opinions-dimensions.ts
import { findOpinionGroups, plantedVotes } from '@razgovor/opinions';
import { ari } from '@razgovor/themes';

const seeds = [1, 2, 3, 4, 5, 6];
for (const clusterDimensions of [2, 3, 4]) {
  for (const count of [3, 4, 5]) {
    const exact = seeds.filter((seed) => {
      const { matrix, truth } = plantedVotes({
        groups: Array.from({ length: count }, (_, g) => 30 + 5 * g),
        statements: 40,
        density: 0.8,
        noise: 0.05,
        seed,
      });

      return ari(truth, findOpinionGroups(matrix, { clusterDimensions }).assignments) === 1;
    }).length;
    console.log(`${clusterDimensions} components, ${count} groups: exact in ${exact} of 6 seeds`);
  }
}
