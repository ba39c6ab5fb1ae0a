import { chooseGroups } from './choose-groups';
import { assignGroupIds } from './group-ids';
import { type OpinionOptions, resolveOptions } from './options';
import { principalComponents } from './pca';
import {
  type ConsensusStatement,
  type DivisiveStatement,
  type RepresentativeStatement,
  consensus,
  divisive,
  representatives,
  tallyGroups,
} from './statements';
import { type VoteMatrix, voteCount } from './vote-matrix';

export interface OpinionGroup {
  id: number;
  size: number;
  /** In the space the groups were found in: the map's two axes unless more were asked for. */
  centroid: number[];
  representative: RepresentativeStatement[];
}

export interface OpinionResult {
  groups: OpinionGroup[];
  /** Group id per participant in matrix order; null when the participant has too few votes. */
  assignments: Array<number | null>;
  /** Map position per participant in matrix order; null when not placed. */
  map: Array<[number, number] | null>;
  consensus: ConsensusStatement[];
  divisive: DivisiveStatement[];
  placed: number;
  silhouette: number;
  tried: Array<{ k: number; silhouette: number }>;
  /** Share of the variance each map axis carries. */
  explained: number[];
}

/** Participants with enough votes, and the number of statements anyone placed voted on. */
function placedParticipants(matrix: VoteMatrix, minVotes: number): Int32Array {
  const voted = new Uint8Array(matrix.statements.length);
  for (const s of matrix.statementIndex) voted[s] = 1;
  const active = voted.reduce((sum, flag) => sum + flag, 0);
  // With few statements in the conversation, everyone who voted on all of them counts.
  const needed = Math.max(1, Math.min(minVotes, active));
  const rows: number[] = [];
  for (let p = 0; p < matrix.participants.length; p++) {
    if (voteCount(matrix, p) >= needed) rows.push(p);
  }

  return Int32Array.from(rows);
}

/**
 * Each placed participant's projection on the components, scaled by sqrt(statements / votes):
 * a missing vote projects to 0, so without the scaling sparse voters crowd the centre (Pol.is).
 */
function project(
  matrix: VoteMatrix,
  rows: Int32Array,
  means: Float64Array,
  loadings: Float64Array[],
  scaled: boolean,
) {
  const voted = new Uint8Array(matrix.statements.length);
  for (const p of rows) {
    for (let j = matrix.rowStart[p]; j < matrix.rowStart[p + 1]; j++)
      voted[matrix.statementIndex[j]] = 1;
  }

  const active = voted.reduce((sum, flag) => sum + flag, 0);
  const dimensions = loadings.length;
  const values = new Float64Array(rows.length * dimensions);
  rows.forEach((p, r) => {
    const scale = scaled ? Math.sqrt(active / Math.max(1, voteCount(matrix, p))) : 1;
    for (let j = matrix.rowStart[p]; j < matrix.rowStart[p + 1]; j++) {
      const s = matrix.statementIndex[j];
      const centred = matrix.vote[j] - means[s];
      for (let d = 0; d < dimensions; d++)
        values[r * dimensions + d] += scale * centred * loadings[d][s];
    }
  });

  return values;
}

/**
 * Rows sorted by position (rounded, then participant id): k-means++ draws points by index, so
 * clustering in this order makes the result independent of the order participants arrived in.
 */
function canonicalOrder(
  matrix: VoteMatrix,
  rows: Int32Array,
  values: Float64Array,
  dimensions: number,
) {
  const key = (r: number, d: number) => Math.round(values[r * dimensions + d] * 1e9);
  const order = Array.from(rows.keys()).sort((a, b) => {
    for (let d = 0; d < dimensions; d++) {
      if (key(a, d) !== key(b, d)) return key(a, d) - key(b, d);
    }

    const idA = matrix.participants[rows[a]];
    const idB = matrix.participants[rows[b]];

    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });

  return Int32Array.from(order);
}

/** The opinion map and groups of a vote matrix, with each group's characteristic statements. */
export function findOpinionGroups(matrix: VoteMatrix, options: OpinionOptions = {}): OpinionResult {
  const settings = resolveOptions(options);
  const rows = placedParticipants(matrix, settings.minVotes);
  const dimensions = Math.max(2, settings.clusterDimensions);
  const pca = principalComponents(matrix, rows, dimensions, settings.seed);
  const projected = project(matrix, rows, pca.means, pca.loadings, settings.sparsityScaling);

  const clusterDimensions = settings.clusterDimensions;
  const order = canonicalOrder(matrix, rows, projected, dimensions);
  const points = new Float64Array(rows.length * clusterDimensions);
  order.forEach((r, i) => {
    for (let d = 0; d < clusterDimensions; d++)
      points[i * clusterDimensions + d] = projected[r * dimensions + d];
  });
  const previous = settings.previousGroups?.flatMap((group) => group.centroid);
  const choice = chooseGroups(
    { values: points, dimensions: clusterDimensions },
    { ...settings, previous: previous ? Float64Array.from(previous) : undefined },
  );

  const sizes = new Array<number>(choice.k).fill(0);
  choice.labels.forEach((label) => sizes[label]++);
  const centroids = sizes.map((_, c) =>
    choice.centroids.slice(c * clusterDimensions, (c + 1) * clusterDimensions),
  );
  const ids = assignGroupIds(
    sizes.map((size, c) => ({ size, centroid: centroids[c] })),
    settings.previousGroups,
  );
  // Groups are listed by id; groupIndex maps a k-means label to its place in that list.
  const byId = sizes.map((_, c) => c).sort((a, b) => ids[a] - ids[b]);
  const groupIndex = new Int32Array(choice.k);
  byId.forEach((c, index) => (groupIndex[c] = index));

  const groupOf = new Int32Array(matrix.participants.length).fill(-1);
  order.forEach((r, i) => (groupOf[rows[r]] = groupIndex[choice.labels[i]]));
  const tally = tallyGroups(matrix, groupOf, choice.k);

  const map: OpinionResult['map'] = new Array(matrix.participants.length).fill(null);
  rows.forEach((p, r) => (map[p] = [projected[r * dimensions], projected[r * dimensions + 1]]));

  return {
    groups: byId.map((c, index) => ({
      id: ids[c],
      size: sizes[c],
      centroid: Array.from(centroids[c]),
      representative: representatives(matrix, tally, index, settings),
    })),
    assignments: Array.from(groupOf, (index) => (index >= 0 ? ids[byId[index]] : null)),
    map,
    consensus: consensus(matrix, tally, settings),
    divisive: divisive(matrix, tally, settings),
    placed: rows.length,
    silhouette: choice.silhouette,
    tried: choice.tried,
    explained: pca.explained.slice(0, 2),
  };
}
