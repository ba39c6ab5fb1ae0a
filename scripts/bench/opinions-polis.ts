// Agreement (ARI) of our opinion groups with the group-id Pol.is computed, on a real Pol.is export.
// Run: node scripts/bench/themes-run.mjs scripts/bench/opinions-polis.ts [--data DIR]
// Data: Pol.is open data (San Juan Islands), CC BY 4.0, attribution in docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  findOpinionGroups,
  type OpinionOptions,
  parseCommentsVotes,
  parseParticipantsVotes,
  type VoteMatrix,
} from '@razgovor/opinions';
import { ari } from '@razgovor/themes';

const root = path.resolve(__dirname, '../..');
const dataArgument = process.argv.indexOf('--data');
const data =
  dataArgument >= 0
    ? path.resolve(process.argv[dataArgument + 1])
    : path.resolve(root, '../shared/data/polis-ssis');
const read = (name: string) => readFileSync(path.join(data, name));

const { matrix, polisGroups } = parseParticipantsVotes(read('participants-votes.csv'));
const commentsVotes = parseCommentsVotes(read('comments.csv'), read('votes.csv')).matrix;

interface Variant {
  name: string;
  matrix: VoteMatrix;
  options: OpinionOptions;
}

const variants: Variant[] = [
  { name: 'participants-votes, groups in 4 components (default)', matrix, options: {} },
  { name: 'comments + votes, moderated-out dropped', matrix: commentsVotes, options: {} },
  { name: 'no sqrt(statements/votes) scaling', matrix, options: { sparsityScaling: false } },
  { name: 'groups in 2 components (as Pol.is)', matrix, options: { clusterDimensions: 2 } },
  {
    name: 'groups in 2 components, no silhouette margin',
    matrix,
    options: { clusterDimensions: 2, silhouetteMargin: 0 },
  },
  { name: 'groups in 3 components', matrix, options: { clusterDimensions: 3 } },
  { name: 'no silhouette margin', matrix, options: { silhouetteMargin: 0 } },
  { name: 'k fixed to Pol.is k', matrix, options: { minGroups: 0, maxGroups: 0 } },
];
const polisK = new Set(polisGroups.filter((group) => group !== null)).size;

/** ARI against Pol.is over the participants Pol.is grouped; our unplaced count as one group. */
function compare(variant: Variant, seed: number): { line: string; ari: number } {
  const options =
    variant.options.maxGroups === 0 ? { minGroups: polisK, maxGroups: polisK } : variant.options;
  const result = findOpinionGroups(variant.matrix, { ...options, seed });
  const byId = new Map(variant.matrix.participants.map((id, p) => [id, p]));
  const ours: Array<number | null> = [];
  const theirs: string[] = [];
  matrix.participants.forEach((id, p) => {
    const polis = polisGroups[p];
    if (polis === null) return;
    ours.push(result.assignments[byId.get(id) ?? -1] ?? null);
    theirs.push(polis);
  });
  const sizes = result.groups.map((group) => group.size).join('/');
  const unplaced = ours.filter((group) => group === null).length;

  return {
    line: `k ${result.groups.length} (${sizes}), placed ${result.placed}, ${unplaced} unplaced`,
    ari: ari(theirs, ours),
  };
}

for (const variant of variants) {
  const runs = [1, 2, 3, 4, 5].map((seed) => compare(variant, seed));
  const shapes = [...new Set(runs.map((run) => run.line))].join('; ');
  const scores = runs.map((run) => run.ari.toFixed(3)).join(' ');
  console.log(`${variant.name}\n  seeds 1-5 ARI ${scores}\n  ${shapes}`);
}

const placedByPolis = polisGroups.filter((group) => group !== null).length;
console.log(`Pol.is placed ${placedByPolis} of ${matrix.participants.length}, k ${polisK}`);
