import { describe, expect, it } from 'vitest';
import { suggestTags } from './tag-classifier';

const parks = [
  'Нужни са повече детски площадки в парка',
  'Паркът има нужда от нови пейки и дървета',
  'Детската площадка в парка е разбита',
  'Засадете още дървета в парка до блока',
];
const roads = [
  'Улицата е пълна с дупки, асфалтът е разбит',
  'Ремонтирайте пътя до училището, има дупки',
  'Асфалтирайте улицата, дупките са опасни',
  'Пътят е разбит и колите се чупят в дупките',
];

describe('suggestTags', () => {
  it('suggests a tag for untagged comments like the hand-tagged ones, and not for others', () => {
    const texts = [
      ...parks.map((body, i) => ({ id: `p${i}`, body, tagIds: ['green'] })),
      ...roads.map((body, i) => ({ id: `r${i}`, body, tagIds: ['roads'] })),
      { id: 'new-park', body: 'Искаме нова площадка и пейки в парка', tagIds: [] },
      { id: 'new-road', body: 'Има огромни дупки по улицата', tagIds: [] },
    ];

    const guesses = suggestTags(texts, ['green', 'roads']);

    expect(guesses).toContainEqual(
      expect.objectContaining({ commentId: 'new-park', tagId: 'green' }),
    );
    expect(guesses).toContainEqual(
      expect.objectContaining({ commentId: 'new-road', tagId: 'roads' }),
    );
    expect(guesses).not.toContainEqual(
      expect.objectContaining({ commentId: 'new-park', tagId: 'roads' }),
    );
    for (const guess of guesses) expect(guess.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('offers nothing for a tag with fewer than three hand-tagged examples', () => {
    const texts = [
      { id: 'a', body: parks[0], tagIds: ['green'] },
      { id: 'b', body: roads[0], tagIds: ['roads'] },
      { id: 'c', body: parks[1], tagIds: [] },
    ];

    expect(suggestTags(texts, ['green', 'roads'])).toEqual([]);
  });
});
