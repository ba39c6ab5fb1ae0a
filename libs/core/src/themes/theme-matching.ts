import { createHash } from 'node:crypto';

export interface PreviousTheme {
  id: string;
  commentIds: readonly string[];
}

export interface ClusterMatch {
  /** The previous theme this cluster continues, or null for a new theme. */
  themeId: string | null;
  /** Jaccard overlap of members with that theme, 0 for a new theme. */
  overlap: number;
}

/** Below this share of common members a cluster is a new theme rather than an old one moved. */
export const minimumOverlap = 0.3;

/**
 * Pairs the clusters of a new run with the themes before it by the overlap of their members
 * (Jaccard), best pairs first, each theme at most once. The order of the input breaks ties, so the
 * same input always pairs the same way.
 */
export function matchClusters(
  clusters: ReadonlyArray<readonly string[]>,
  previous: readonly PreviousTheme[],
  threshold = minimumOverlap,
): ClusterMatch[] {
  const owner = new Map<string, number>();
  previous.forEach((theme, index) => {
    for (const id of theme.commentIds) owner.set(id, index);
  });

  const pairs: Array<{ cluster: number; theme: number; overlap: number }> = [];
  clusters.forEach((members, cluster) => {
    const common = new Map<number, number>();
    for (const id of members) {
      const theme = owner.get(id);
      if (theme !== undefined) common.set(theme, (common.get(theme) ?? 0) + 1);
    }

    for (const [theme, shared] of common) {
      const union = members.length + previous[theme].commentIds.length - shared;
      const overlap = union === 0 ? 0 : shared / union;
      if (overlap >= threshold) pairs.push({ cluster, theme, overlap });
    }
  });
  pairs.sort((a, b) => b.overlap - a.overlap || a.cluster - b.cluster || a.theme - b.theme);

  const matches: ClusterMatch[] = clusters.map(() => ({ themeId: null, overlap: 0 }));
  const isTaken = new Set<number>();
  for (const pair of pairs) {
    if (matches[pair.cluster].themeId !== null || isTaken.has(pair.theme)) continue;
    matches[pair.cluster] = { themeId: previous[pair.theme].id, overlap: pair.overlap };
    isTaken.add(pair.theme);
  }

  return matches;
}

/** A uuid derived from a name, so that re-running the same run creates the same theme ids. */
export function derivedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  const groups = [text.slice(0, 8), text.slice(8, 12), text.slice(12, 16), text.slice(16, 20)];

  return [...groups, text.slice(20)].join('-');
}
