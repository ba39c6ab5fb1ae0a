import { describe, expect, it } from 'vitest';
import { ari } from './metrics';
import { findThemes } from './pipeline';
import { groupedCorpus } from './testing/corpus';

describe('choosing the number of themes', () => {
  it.each([3, 5, 8])('finds %i separable groups within the bound 2..12', (groups) => {
    const corpus = groupedCorpus(groups, 40);
    const result = findThemes(
      corpus.map((item) => item.text),
      { seed: 1, minK: 2, maxK: 12 },
    );
    const found = result.assignments.map((item) => item.theme);

    expect(result.themes).toHaveLength(groups);
    expect(
      ari(
        corpus.map((item) => item.label),
        found,
      ),
    ).toBeGreaterThan(0.95);
  });
});
