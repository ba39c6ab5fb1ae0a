import { describe, expect, it } from 'vitest';
import { stemBulgarian } from './bulgarian';
import { BULGARIAN_INFLECTIONS } from './bulgarian.inflections';

describe('stemBulgarian', () => {
  it.each(BULGARIAN_INFLECTIONS)('gives every form of "$lemma" one stem', ({ forms }) => {
    const stems = new Set(forms.map(stemBulgarian));

    expect([...stems]).toHaveLength(1);
  });

  it('conflates at least 90% of lemmas and lets at most 2% of them collide', () => {
    const owners = new Map<string, string>();
    const colliding = new Set<string>();
    let conflated = 0;
    for (const { lemma, forms } of BULGARIAN_INFLECTIONS) {
      const stems = new Set(forms.map(stemBulgarian));
      if (stems.size === 1) conflated += 1;
      for (const stem of stems) {
        const owner = owners.get(stem);
        if (owner !== undefined && owner !== lemma) colliding.add(owner).add(lemma);
        owners.set(stem, lemma);
      }
    }

    const groups = BULGARIAN_INFLECTIONS.length;
    const words = BULGARIAN_INFLECTIONS.reduce((sum, { forms }) => sum + forms.length, 0);
    const conflatedShare = conflated / groups;
    const collidingShare = colliding.size / groups;
    console.info(
      `Bulgarian stemmer: ${groups} lemmas, ${words} forms, ` +
        `${(conflatedShare * 100).toFixed(1)}% conflated, ` +
        `${(collidingShare * 100).toFixed(1)}% colliding`,
    );
    expect(words).toBeGreaterThanOrEqual(200);
    expect(conflatedShare).toBeGreaterThanOrEqual(0.9);
    expect(collidingShare).toBeLessThanOrEqual(0.02);
  });

  it.each([
    ['детски', 'дете'],
    ['град', 'градина'],
    ['площад', 'площадка'],
    ['работа', 'робот'],
    ['местен', 'място'],
  ])('keeps "%s" and "%s" apart', (left, right) => {
    expect(stemBulgarian(left)).not.toBe(stemBulgarian(right));
  });

  it.each(['ад', 'ям', 'ние', 'чай', 'аз'])('leaves the short word "%s" whole', (word) => {
    expect(stemBulgarian(word)).toBe(word);
  });

  it('never strips a stem below three letters', () => {
    for (const { forms } of BULGARIAN_INFLECTIONS) {
      for (const form of forms) expect(stemBulgarian(form).length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(['', '42', 'park', 'café', 'ъъъъъ', 'ааааааааа', 'ьььь', '-та', 'ѝ'])(
    'returns a string for the odd input "%s" without throwing',
    (word) => {
      expect(typeof stemBulgarian(word)).toBe('string');
    },
  );
});
