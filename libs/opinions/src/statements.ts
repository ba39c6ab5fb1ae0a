import type { VoteMatrix } from './vote-matrix';

export type Direction = 'agree' | 'disagree';

export interface RepresentativeStatement {
  statement: string;
  direction: Direction;
  /** Laplace-smoothed share of the group voting this way (passes count as seen). */
  probability: number;
  /** That share inside the group over the same share outside it. */
  ratio: number;
  /** z of the share against one half, and of the inside share against the outside share. */
  probabilityZ: number;
  ratioZ: number;
  score: number;
}

export interface ConsensusStatement {
  statement: string;
  direction: Direction;
  /** The lowest smoothed share of any group voting this way. */
  score: number;
}

export interface DivisiveStatement {
  statement: string;
  /** Highest minus lowest smoothed agree share over the groups. */
  spread: number;
  agree: number[];
}

export interface StatementOptions {
  maxRepresentatives: number;
  significanceZ: number;
  consensusThreshold: number;
  maxConsensus: number;
  minSpread: number;
  maxDivisive: number;
}

/** Agree, disagree and seen counts per group (in group order) and statement. */
export interface GroupTally {
  agree: Float64Array[];
  disagree: Float64Array[];
  seen: Float64Array[];
}

export function tallyGroups(matrix: VoteMatrix, groupOf: Int32Array, groups: number): GroupTally {
  const width = matrix.statements.length;
  const make = () => Array.from({ length: groups }, () => new Float64Array(width));
  const tally = { agree: make(), disagree: make(), seen: make() };
  for (let p = 0; p < matrix.participants.length; p++) {
    const g = groupOf[p];
    if (g < 0) continue;
    for (let j = matrix.rowStart[p]; j < matrix.rowStart[p + 1]; j++) {
      const s = matrix.statementIndex[j];
      tally.seen[g][s]++;
      if (matrix.vote[j] === 1) tally.agree[g][s]++;
      if (matrix.vote[j] === -1) tally.disagree[g][s]++;
    }
  }

  return tally;
}

const smoothed = (count: number, seen: number) => (count + 1) / (seen + 2);

function sum(arrays: Float64Array[], s: number, except: number): number {
  return arrays.reduce((total, array, g) => (g === except ? total : total + array[s]), 0);
}

function represent(
  counts: Float64Array[],
  seen: Float64Array[],
  g: number,
  s: number,
): Omit<RepresentativeStatement, 'statement' | 'direction'> {
  const inside = seen[g][s];
  const outside = sum(seen, s, g);
  const probability = smoothed(counts[g][s], inside);
  const other = smoothed(sum(counts, s, g), outside);
  // Two-proportion z on the smoothed shares; the pooled share keeps it defined for tiny counts.
  const pooled = (counts[g][s] + sum(counts, s, g) + 2) / (inside + outside + 4);
  const error = Math.sqrt(pooled * (1 - pooled) * (1 / (inside + 2) + 1 / (outside + 2)));
  const ratioZ = error > 0 ? (probability - other) / error : 0;
  const probabilityZ = 2 * (probability - 0.5) * Math.sqrt(inside + 2);
  const ratio = probability / other;

  return { probability, ratio, probabilityZ, ratioZ, score: ratio * probability };
}

/**
 * Statements a group agrees (or disagrees) with far more than the others, in the manner of
 * Pol.is: most of the group votes that way and the share differs from the rest of the room,
 * both at `significanceZ` (one-sided); the strongest by ratio times share come first.
 */
export function representatives(
  matrix: VoteMatrix,
  tally: GroupTally,
  g: number,
  options: StatementOptions,
): RepresentativeStatement[] {
  const found: RepresentativeStatement[] = [];
  for (let s = 0; s < matrix.statements.length; s++) {
    const agree = { direction: 'agree' as const, ...represent(tally.agree, tally.seen, g, s) };
    const disagree = {
      direction: 'disagree' as const,
      ...represent(tally.disagree, tally.seen, g, s),
    };
    const passing = [agree, disagree].filter(
      (item) => item.probabilityZ > options.significanceZ && item.ratioZ > options.significanceZ,
    );
    if (passing.length === 0) continue;
    const best = passing.reduce((a, b) => (b.score > a.score ? b : a));
    found.push({ statement: matrix.statements[s], ...best });
  }

  return found
    .sort((a, b) => b.score - a.score || a.statement.localeCompare(b.statement))
    .slice(0, options.maxRepresentatives);
}

/** Statements every group agrees with (or every group rejects), each above the threshold. */
export function consensus(
  matrix: VoteMatrix,
  tally: GroupTally,
  options: StatementOptions,
): ConsensusStatement[] {
  const found: ConsensusStatement[] = [];
  const groups = tally.seen.length;
  if (groups === 0) return found;
  for (let s = 0; s < matrix.statements.length; s++) {
    for (const direction of ['agree', 'disagree'] as const) {
      const counts = direction === 'agree' ? tally.agree : tally.disagree;
      let score = 1;
      for (let g = 0; g < groups; g++)
        score = Math.min(score, smoothed(counts[g][s], tally.seen[g][s]));
      if (score >= options.consensusThreshold) {
        found.push({ statement: matrix.statements[s], direction, score });
      }
    }
  }

  return found
    .sort((a, b) => b.score - a.score || a.statement.localeCompare(b.statement))
    .slice(0, options.maxConsensus);
}

/** Statements whose agree share differs most between groups. */
export function divisive(
  matrix: VoteMatrix,
  tally: GroupTally,
  options: StatementOptions,
): DivisiveStatement[] {
  const found: DivisiveStatement[] = [];
  const groups = tally.seen.length;
  if (groups < 2) return found;
  for (let s = 0; s < matrix.statements.length; s++) {
    const agree = tally.seen.map((seen, g) => smoothed(tally.agree[g][s], seen[s]));
    const spread = Math.max(...agree) - Math.min(...agree);
    if (spread >= options.minSpread) found.push({ statement: matrix.statements[s], spread, agree });
  }

  return found
    .sort((a, b) => b.spread - a.spread || a.statement.localeCompare(b.statement))
    .slice(0, options.maxDivisive);
}
