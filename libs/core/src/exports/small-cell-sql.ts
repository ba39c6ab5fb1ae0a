/**
 * The district and age-band cells of a set of people, as SQL: `people` selects (scope, id,
 * district, age_band), and cells are counted per scope (the conversation's authors, a poll's
 * respondents, the voters on statements). The rule is that of `hideSmallCells` for a one-way
 * breakdown whose blank rows readers can count: a district of fewer than `threshold` people is
 * left empty, and when its people with those who did not say are still fewer than `threshold`,
 * the smallest district shown is left empty too, so the empty rows never point to a small group.
 * The age band follows the same rule among the people of each district as published.
 */
export function smallCellTables(people: string, threshold: number): string {
  return `people AS (${people}),
    district_counts AS (
      SELECT scope, district, count(*)::int AS people FROM people GROUP BY 1, 2
    ), district_cells AS (${coverSmallest('district_counts', ['scope'], 'district', threshold)}
    ), age_counts AS (
      SELECT pe.scope, coalesce(CASE WHEN dc.is_shown THEN pe.district END, '') AS district,
             pe.age_band, count(*)::int AS people
        FROM people pe
        LEFT JOIN district_cells dc ON dc.scope = pe.scope AND dc.district = pe.district
       GROUP BY 1, 2, 3
    ), age_cells AS (${coverSmallest('age_counts', ['scope', 'district'], 'age_band', threshold)}
    )`;
}

/** The joins that bring a person's cells (as `dc` and `ac`) beside a row of `u`. */
export function smallCellJoins(scope: string): string {
  return `LEFT JOIN district_cells dc ON dc.scope = ${scope} AND dc.district = u.district
    LEFT JOIN age_cells ac ON ac.scope = ${scope}
                          AND ac.district = coalesce(CASE WHEN dc.is_shown THEN u.district END, '')
                          AND ac.age_band = u.age_band`;
}

export const shownDistrict = 'CASE WHEN dc.is_shown THEN u.district END';
export const shownAgeBand = 'CASE WHEN ac.is_shown THEN u.age_band END';

/**
 * Marks each value of `counts` shown or not within its group: small values are hidden, and when
 * the hidden ones with the unstated (null) are still under the threshold while hiding someone,
 * the smallest value shown is hidden as well.
 */
function coverSmallest(counts: string, group: string[], column: string, threshold: number) {
  const keys = group.join(', ');
  const on = group.map((key) => `p.${key} = c.${key}`).join(' AND ');

  return `
      SELECT c.*, c.${column} IS NOT NULL AND c.people >= ${threshold}
                  AND NOT (p.has_small AND p.pool < ${threshold} AND c.rank = 1) AS is_shown
        FROM (SELECT *, row_number() OVER (
                PARTITION BY ${keys}, (${column} IS NOT NULL AND people >= ${threshold})
                ORDER BY people, ${column}) AS rank
                FROM ${counts}) c
        JOIN (SELECT ${keys},
                     coalesce(sum(people) FILTER (
                       WHERE ${column} IS NULL OR people < ${threshold}), 0) AS pool,
                     coalesce(bool_or(${column} IS NOT NULL AND people < ${threshold}), false)
                       AS has_small
                FROM ${counts} GROUP BY ${keys}) p ON ${on}`;
}
