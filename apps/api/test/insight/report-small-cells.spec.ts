import type { Breakdown, InsightReport } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../../test/support/system';
import { ConversationFixtures } from '../conversations.fixtures';
import { seedThemeRun } from './insight.fixtures';

/** What subtraction gives from a published breakdown: of everyone, and of those who stated. */
function subtractions(breakdown: Breakdown, people: number): number[] {
  const shown = breakdown.rows.filter((row) => row.people !== null);
  const shownPeople = shown.reduce((sum, row) => sum + row.people!, 0);
  const withShare = shown.find((row) => row.share !== null && row.share > 0);
  const stated = withShare ? Math.round(withShare.people! / withShare.share!) : null;

  return [
    people - shownPeople - (breakdown.notStated ?? 0),
    ...(stated === null ? [] : [stated - shownPeople]),
  ];
}

describe('small cells in the insight report', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let report: InsightReport;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    fixtures = new ConversationFixtures(system);
    const world = await fixtures.openTopic();
    // Ten from Lozenets, seven from Sredets, three from Vitosha and two who did not say.
    const districts = [
      ...Array<string>(10).fill('lozenets'),
      ...Array<string>(7).fill('sredets'),
      ...Array<string>(3).fill('vitosha'),
      null,
      null,
    ];
    for (const [index, district] of districts.entries()) {
      const person = await fixtures.person();
      await fixtures.sql('UPDATE users SET district = $2, gender = $3 WHERE id = $1', [
        person.id,
        district,
        index % 4 === 0 ? 'man' : 'woman',
      ]);
      await fixtures.comment(person, world.topic.id, `Предложение номер ${index + 1}`);
    }

    const comments = await fixtures.sql<{ id: string }>(
      'SELECT id FROM comments WHERE conversation_id = $1 ORDER BY created_at, id',
      [world.conversation.id],
    );
    await seedThemeRun(
      fixtures,
      world.conversation.id,
      comments.map((row) => row.id),
    );
    const path = `/api/conversations/${world.conversation.id}/report`;
    report = (await world.facilitator.client.get(path)).body as InsightReport;
  });
  afterAll(async () => {
    await system.stop();
  });

  it('hides the district that would give away Vitosha’s three by subtraction', () => {
    const byDistrict = report.participation.byDistrict;
    const people = (key: string) => byDistrict.rows.find((row) => row.key === key)?.people;

    expect(report.participation.people).toBe(22);
    expect(people('lozenets')).toBe(10);
    expect(people('vitosha')).toBeNull();
    expect(people('sredets')).toBeNull();
    expect(people('mladost')).toBe(0);
    // Any share shown tells how many stated a district, so the rest is no secret.
    expect(byDistrict.notStated).toBe(2);
  });

  it('leaves no subtraction of published participation figures under 5 people', () => {
    const { byDistrict, byAgeBand, byGender, people } = report.participation;

    for (const breakdown of [byDistrict, byAgeBand, byGender]) {
      for (const figure of subtractions(breakdown, people)) {
        expect(figure).not.toBeOneOf([1, 2, 3, 4]);
      }

      for (const row of breakdown.rows) expect(row.people).not.toBeOneOf([1, 2, 3, 4]);
    }
  });

  it('leaves no subtraction of a theme’s districts from its size under 5 people', () => {
    // Each person wrote one comment here, so comments count people.
    expect(report.themes).toHaveLength(2);
    for (const theme of report.themes) {
      const shown = theme.districts.reduce((sum, row) => sum + (row.comments ?? 0), 0);
      expect(theme.size - shown).not.toBeOneOf([1, 2, 3, 4]);
      for (const row of theme.districts) expect(row.comments).not.toBeOneOf([1, 2, 3, 4]);
    }

    expect(
      report.themes.some((theme) => theme.districts.some((row) => row.comments !== null)),
    ).toBe(true);
  });
});
