import { describe, expect, it } from 'vitest';
import { derivedUuid, matchClusters } from './theme-matching';

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('matchClusters', () => {
  it('keeps the id of a theme whose members mostly stay together, in any cluster order', () => {
    const previous = [
      { id: 'parks', commentIds: ids('p', 10) },
      { id: 'roads', commentIds: ids('r', 10) },
    ];
    const clusters = [
      [...ids('r', 9), 'new1'],
      [...ids('p', 8), 'new2', 'new3'],
    ];

    const matches = matchClusters(clusters, previous);

    expect(matches.map((match) => match.themeId)).toEqual(['roads', 'parks']);
    expect(matches[0].overlap).toBeCloseTo(9 / 11);
  });

  it('gives a new theme to a cluster that overlaps no previous theme enough', () => {
    const previous = [{ id: 'parks', commentIds: ids('p', 10) }];
    const clusters = [[...ids('p', 2), ...ids('x', 8)]];

    expect(matchClusters(clusters, previous)).toEqual([{ themeId: null, overlap: 0 }]);
  });

  it('gives one previous theme to at most one cluster: the one sharing most of it', () => {
    const previous = [{ id: 'parks', commentIds: ids('p', 10) }];
    const clusters = [ids('p', 4), ids('p', 10).slice(4)];

    const matches = matchClusters(clusters, previous);

    expect(matches.map((match) => match.themeId)).toEqual([null, 'parks']);
  });
});

describe('derivedUuid', () => {
  it('is stable for a name, differs between names and has the uuid shape', () => {
    expect(derivedUuid('run-1:0')).toBe(derivedUuid('run-1:0'));
    expect(derivedUuid('run-1:0')).not.toBe(derivedUuid('run-1:1'));
    expect(derivedUuid('run-1:0')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
