import { describe, expect, it } from 'vitest';
import { findOpinionGroups } from './opinion-groups';
import { createRandom } from './random';
import { type Vote, voteMatrixFromRows } from './vote-matrix';

/**
 * Two camps of 30 over 10 statements: c0 and c1 everyone agrees with, c2 everyone rejects,
 * a3-a5 only the first camp agrees with (the second rejects them), b6-b8 the reverse, and p9
 * splits each camp in half. 5% of votes are flipped to pass.
 */
function camps() {
  const random = createRandom(4);
  const statements = ['c0', 'c1', 'c2', 'a3', 'a4', 'a5', 'b6', 'b7', 'b8', 'p9'];
  const stance = (camp: number, s: number, member: number): Vote => {
    if (s <= 1) return 1;
    if (s === 2) return -1;
    if (s <= 5) return camp === 0 ? 1 : -1;
    if (s <= 8) return camp === 1 ? 1 : -1;

    return member % 2 === 0 ? 1 : -1;
  };

  const rows = Array.from({ length: 60 }, (_, p) =>
    statements.map((_, s) => (random() < 0.05 ? 0 : stance(p < 30 ? 0 : 1, s, p))),
  );

  return voteMatrixFromRows(rows, { statements });
}

describe('statements of the opinion groups', () => {
  const result = findOpinionGroups(camps(), { maxGroups: 2 });
  const campOf = (participant: number) => result.assignments[participant];

  it('finds the two camps', () => {
    expect(result.groups.map((group) => group.size)).toEqual([30, 30]);
    expect(campOf(0)).not.toBe(campOf(30));
  });

  it('lists the statements a group agrees or disagrees with far more than the other', () => {
    const first = result.groups.find((group) => group.id === campOf(0));
    const found = new Map(first?.representative.map((item) => [item.statement, item.direction]));

    expect(first?.representative).toHaveLength(5);
    expect([...found.keys()].every((id) => /^[ab]/u.test(id))).toBe(true);
    for (const [statement, direction] of found) {
      expect(direction).toBe(statement.startsWith('a') ? 'agree' : 'disagree');
    }
  });

  it('lists agreement and rejection shared by every group as consensus', () => {
    const consensus = result.consensus.map((item) => `${item.statement}:${item.direction}`);

    expect(consensus.sort()).toEqual(['c0:agree', 'c1:agree', 'c2:disagree']);
  });

  it('lists statements the groups split on as divisive, not one split within groups', () => {
    const divisive = result.divisive.map((item) => item.statement).sort();

    expect(divisive).toEqual(['a3', 'a4', 'a5', 'b6', 'b7', 'b8']);
    expect(result.divisive[0].spread).toBeGreaterThan(0.8);
  });
});
