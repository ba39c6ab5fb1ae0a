// Wall time and peak memory of one opinion-groups run on a large synthetic conversation.
// Run: node scripts/bench/themes-run.mjs scripts/bench/opinions-speed.ts \
//   [--participants 10000] [--statements 2000] [--votes 2000000]
// Planted groups (4 of uneven size), votes at random places, 5% noise; ARI printed as a check.
import { findOpinionGroups, plantedVotes } from '@razgovor/opinions';
import { ari } from '@razgovor/themes';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);

  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const participants = argument('participants', 10_000);
const statements = argument('statements', 2_000);
const votes = argument('votes', 2_000_000);
const shares = [0.4, 0.3, 0.2, 0.1];
const groups = shares.map((share) => Math.round(share * participants));
groups[0] += participants - groups.reduce((sum, size) => sum + size, 0);

let started = performance.now();
const planted = plantedVotes({
  groups,
  statements,
  density: votes / (participants * statements),
  noise: 0.05,
  seed: 7,
});
const built = performance.now() - started;

started = performance.now();
const result = findOpinionGroups(planted.matrix, { seed: 1 });
const seconds = (performance.now() - started) / 1000;
const peak = process.resourceUsage().maxRSS / 1024;

console.log(
  `${participants} participants x ${statements} statements, ${planted.matrix.vote.length} votes ` +
    `(built in ${(built / 1000).toFixed(1)} s)`,
);
console.log(
  `findOpinionGroups: ${seconds.toFixed(1)} s, peak RSS ${peak.toFixed(0)} MB, ` +
    `k ${result.groups.length}, placed ${result.placed}, ` +
    `ARI ${ari(planted.truth, result.assignments).toFixed(3)}`,
);
