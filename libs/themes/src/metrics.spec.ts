import { describe, expect, it } from 'vitest';
import { ari, nmi } from './metrics';

describe('nmi', () => {
  it('is 1 for identical partitions whatever the group names', () => {
    expect(nmi(['a', 'a', 'b', 'b'], [1, 1, 0, 0])).toBeCloseTo(1, 10);
  });

  it('is 0 when the prediction carries no information about the truth', () => {
    expect(nmi(['a', 'a', 'b', 'b'], [1, 2, 1, 2])).toBeCloseTo(0, 10);
  });

  it('matches the arithmetic-mean NMI of a worked example', () => {
    // scikit-learn: normalized_mutual_info_score([0,0,0,1,1,1], [0,0,1,1,2,2]) = 0.5158037429793889
    expect(nmi([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.5158037429793889, 10);
  });
});

describe('ari', () => {
  it('is 1 for identical partitions', () => {
    expect(ari(['x', 'x', 'y', 'y', 'z'], [2, 2, 1, 1, 0])).toBeCloseTo(1, 10);
  });

  it('matches the adjusted Rand index of worked examples', () => {
    // scikit-learn: adjusted_rand_score([0,0,1,1], [0,0,1,2]) = 0.5714285714285715
    expect(ari([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285715, 10);
    // scikit-learn: adjusted_rand_score([0,0,0,1,1,1], [0,0,1,1,2,2]) = 0.24242424242424246
    expect(ari([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.24242424242424246, 10);
  });

  it('is negative when the prediction splits every true group', () => {
    expect(ari([0, 0, 1, 1], [0, 1, 0, 1])).toBeLessThan(0);
  });

  it('rejects partitions of different lengths', () => {
    expect(() => ari([0], [0, 1])).toThrow(/differ in length/);
  });
});
