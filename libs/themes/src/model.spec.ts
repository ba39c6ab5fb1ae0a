import { describe, expect, it } from 'vitest';
import { assignComment, loadModel, serializeModel } from './model';
import { findThemes } from './pipeline';
import { separatedCorpus } from './testing/corpus';

const corpus = separatedCorpus(30);
const result = findThemes(
  corpus.map((item) => item.text),
  { seed: 4, maxK: 6 },
);

function themeOf(label: string): number | null {
  const row = corpus.findIndex((item) => item.label === label);

  return result.assignments[row].theme;
}

describe('assignComment', () => {
  it('places a new comment in the theme of its subject with a high confidence', () => {
    const placement = assignComment(result.model, 'the tram and the bus need a better timetable');

    expect(placement.theme).toBe(themeOf('transport'));
    expect(placement.confidence).toBeGreaterThan(0.5);
  });

  it('places a comment with no known word in the other group', () => {
    expect(assignComment(result.model, 'completely unrelated words')).toEqual({
      theme: null,
      confidence: 1,
    });
  });

  it('gives the same placement after the model is serialised and reloaded', () => {
    const reloaded = loadModel(serializeModel(result.model));
    for (const text of ['more trees and benches in the park', 'recycling bins please', 'metro']) {
      expect(assignComment(reloaded, text)).toEqual(assignComment(result.model, text));
    }
  });

  it('rejects a malformed model', () => {
    expect(() => loadModel('{"version":1}')).toThrow(/malformed/);
  });
});
