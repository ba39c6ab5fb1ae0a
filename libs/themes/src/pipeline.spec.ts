import { describe, expect, it } from 'vitest';
import { ari } from './metrics';
import { findThemes } from './pipeline';
import { separatedCorpus } from './testing/corpus';

const corpus = separatedCorpus(30);
const texts = corpus.map((item) => item.text);
const truth = corpus.map((item) => item.label);

describe('findThemes', () => {
  it('separates three subjects that share no words', () => {
    const result = findThemes(texts, { seed: 3, minK: 2, maxK: 6 });

    expect(result.themes).toHaveLength(3);
    expect(
      ari(
        truth,
        result.assignments.map((item) => item.theme),
      ),
    ).toBeGreaterThan(0.95);
  });

  it('returns the same themes for the same seed', () => {
    const first = findThemes(texts, { seed: 11, maxK: 6 });
    const second = findThemes(texts, { seed: 11, maxK: 6 });

    expect(second.themes).toEqual(first.themes);
    expect(second.assignments).toEqual(first.assignments);
  });

  it('keeps the number of themes within the bounds', () => {
    const narrow = findThemes(texts, { seed: 5, minK: 4, maxK: 5 });
    const single = findThemes(texts, { seed: 5, minK: 2, maxK: 2 });

    expect(narrow.themes.length).toBeGreaterThanOrEqual(1);
    expect(narrow.themes.length).toBeLessThanOrEqual(5);
    expect(narrow.scores.map((score) => score.k)).toEqual([4, 5]);
    expect(single.themes.length).toBeLessThanOrEqual(2);
  });

  it('honours a fixed k, counting a non-empty other group as one of the k', () => {
    const withNoise = [...texts, 'zebra quantum violin', 'xylophone kayak origami'];
    for (const k of [2, 3, 4]) {
      const result = findThemes(withNoise, { seed: 2, k });
      const hasOther = result.assignments.some((item) => item.theme === null);

      expect(result.themes.length + (hasOther ? 1 : 0)).toBe(k);
    }
  });

  it('puts comments that fit no theme in the other group', () => {
    const result = findThemes([...texts, 'zebra quantum violin', ''], { seed: 2, maxK: 6 });
    const [noise, empty] = result.assignments.slice(-2);

    expect(noise.theme).toBeNull();
    expect(empty).toEqual({ theme: null, confidence: 1 });
  });

  it('gives clear members a high confidence and a valid one to all', () => {
    const result = findThemes(texts, { seed: 3, maxK: 6 });
    const confidences = result.assignments.map((item) => item.confidence);

    expect(Math.min(...confidences)).toBeGreaterThan(0);
    expect(Math.max(...confidences)).toBeLessThanOrEqual(1);
    expect(confidences.filter((value) => value > 0.8).length).toBeGreaterThan(texts.length * 0.8);
  });

  it('describes each theme with distinctive terms and representatives of its own', () => {
    const result = findThemes(texts, { seed: 3, maxK: 6 });

    for (const theme of result.themes) {
      const members = result.assignments.flatMap((item, row) =>
        item.theme === theme.id ? [row] : [],
      );
      const subjects = new Set(members.map((row) => truth[row]));
      expect(theme.size).toBe(members.length);
      expect(theme.terms.length).toBeGreaterThan(2);
      expect(theme.terms).not.toContain('please');
      expect(theme.representatives.length).toBeGreaterThanOrEqual(3);
      expect(theme.representatives.every((row) => members.includes(row))).toBe(true);
      expect(subjects.size).toBe(1);
    }
  });
});
