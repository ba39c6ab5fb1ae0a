import type { Breakdown, ReportTheme } from '@razgovor/contracts';
import { hideSmallCells, protectBreakdown } from '../privacy/small-cells';
import type { CountRow, ThemeDistrictRow } from './report-figures.repository';
import { districtPopulation } from './sofia-population';

interface Population {
  source: Breakdown['source'];
  people: Record<string, number>;
}

/**
 * Participants by district, age band or gender beside Sofia's shares. Any share shown tells the
 * number who stated a value on the city's scale, and with the number of participants that gives
 * the not-stated count anyway: it is published as it is, and the stated cells are protected
 * against their own total, so no subtraction (across not-stated or not) finds a hidden one.
 */
export function participationBreakdown(rows: CountRow[], population: Population): Breakdown {
  const keys = Object.keys(population.people);
  const peopleOf = (key: string) => rows.find((row) => row.key === key)?.people ?? 0;
  const notStated = rows
    .filter((row) => row.key === null || !keys.includes(row.key))
    .reduce((sum, row) => sum + row.people, 0);
  const stated = protectBreakdown(keys.map((key) => ({ key, people: peopleOf(key) })));
  const statedTotal = keys.reduce((sum, key) => sum + peopleOf(key), 0);
  const populationTotal = Object.values(population.people).reduce((sum, value) => sum + value, 0);

  return {
    rows: stated.map(({ key, people }) => ({
      key,
      people,
      share: people === null || statedTotal === 0 ? null : people / statedTotal,
      populationShare: population.people[key]! / populationTotal,
    })),
    notStated,
    source: population.source,
  };
}

/**
 * Comments in one theme per Sofia district. The theme's size is published, so what the districts
 * shown leave of it (hidden districts with the authors who gave none) must cover 5 people or more.
 */
export function themeDistricts(rows: ThemeDistrictRow[]): ReportTheme['districts'] {
  const inSofia = rows.filter(
    (row) => row.district !== null && row.district in districtPopulation.people,
  );
  const elsewhere = rows
    .filter((row) => !inSofia.includes(row))
    .reduce((sum, row) => sum + row.people, 0);
  const hidden = hideSmallCells(
    [...inSofia.map((row) => ({ people: row.people })), { people: elsewhere, role: 'remainder' }],
    [Array.from({ length: inSofia.length + 1 }, (_, index) => index)],
  );

  return inSofia.map((row, index) => ({
    key: row.district!,
    comments: hidden[index] ? null : row.comments,
  }));
}
