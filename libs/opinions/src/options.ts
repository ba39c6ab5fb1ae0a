import type { PreviousGroup } from './group-ids';
import type { StatementOptions } from './statements';

export interface OpinionOptions extends Partial<StatementOptions> {
  /** Seeds the PCA start and k-means++; the same seed and votes give the same result. */
  seed?: number;
  /** Participants with fewer votes (passes count) than min(minVotes, statements) are not placed. */
  minVotes?: number;
  minGroups?: number;
  maxGroups?: number;
  /** How much higher a larger k's silhouette must be to win over a smaller k. */
  silhouetteMargin?: number;
  /** k-means++ restarts per k; the lowest inertia wins. */
  restarts?: number;
  /**
   * Principal components the groups are found in; the map always shows the first two. k groups
   * need k - 1 axes to lie apart, so with up to 5 groups 2 axes (as Pol.is uses) merge some.
   */
  clusterDimensions?: number;
  /** Scale projections by sqrt(statements / votes) as Pol.is does; off only to compare. */
  sparsityScaling?: boolean;
  /** Groups of the previous run, so that ids persist and the previous centroids seed k-means. */
  previousGroups?: readonly PreviousGroup[];
}

export type ResolvedOptions = Required<Omit<OpinionOptions, 'previousGroups'>> &
  Pick<OpinionOptions, 'previousGroups'>;

// Pol.is places a participant from 7 votes on and shows 2-5 groups; 1.2816 is its 90% one-sided z.
export const DEFAULT_OPTIONS: ResolvedOptions = {
  seed: 1,
  minVotes: 7,
  minGroups: 2,
  maxGroups: 5,
  silhouetteMargin: 0.01,
  restarts: 10,
  clusterDimensions: 4,
  sparsityScaling: true,
  maxRepresentatives: 5,
  significanceZ: 1.2816,
  consensusThreshold: 0.6,
  maxConsensus: 10,
  minSpread: 0.3,
  maxDivisive: 10,
};

export function resolveOptions(options: OpinionOptions): ResolvedOptions {
  const resolved = { ...DEFAULT_OPTIONS, ...options };
  if (resolved.minGroups < 1 || resolved.maxGroups < resolved.minGroups) {
    throw new RangeError(`Group range ${resolved.minGroups}-${resolved.maxGroups} is empty`);
  }

  if (resolved.clusterDimensions < 1) throw new RangeError('clusterDimensions must be at least 1');

  return resolved;
}
