import type { OpinionMap } from '@razgovor/contracts';
import { useT } from '../../i18n/i18n';

/** Colours that stay apart for colour-blind readers; a group also has its own marker shape. */
export const groupColours = ['#1d4f6e', '#c25e00', '#2e7d32', '#7b3f98', '#a3231f'];
const letters = 'ABCDE';

export function groupName(id: number): string {
  return letters[id % letters.length] ?? String(id + 1);
}

/** Everyone placed on the two axes of the map, coloured by group, with the reader ringed. */
export function OpinionMapChart({ map, isSignedIn }: { map: OpinionMap; isSignedIn: boolean }) {
  const t = useT();
  const size = 320;
  const pad = 16;
  const all = [...map.points, ...(map.me ? [map.me] : [])];
  const extent = Math.max(0.001, ...all.flatMap((point) => [Math.abs(point.x), Math.abs(point.y)]));
  const place = (value: number) => pad + ((value / extent + 1) / 2) * (size - 2 * pad);
  const colour = (group: number | null) =>
    group === null ? '#8a929c' : (groupColours[group % groupColours.length] ?? '#8a929c');
  const summary = t('opinions.mapSummary', {
    placed: map.placed,
    groups: map.groups.length,
  });

  return (
    <figure className="opinion-map">
      <svg
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-label={summary}
        className="opinion-map__chart"
      >
        <rect x={0} y={0} width={size} height={size} className="opinion-map__frame" />
        <line x1={size / 2} x2={size / 2} y1={pad} y2={size - pad} className="opinion-map__axis" />
        <line y1={size / 2} y2={size / 2} x1={pad} x2={size - pad} className="opinion-map__axis" />
        {map.points.map((point, index) => (
          <circle
            key={index}
            cx={place(point.x)}
            cy={place(point.y)}
            r={4}
            fill={colour(point.group)}
            fillOpacity={0.7}
          />
        ))}
        {map.me && (
          <g data-testid="my-position">
            <circle
              cx={place(map.me.x)}
              cy={place(map.me.y)}
              r={9}
              fill="none"
              stroke="#f0a500"
              strokeWidth={3}
            />
            <text x={place(map.me.x) + 12} y={place(map.me.y) + 4} className="opinion-map__me">
              {t('opinions.you')}
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        {summary}
        {map.me && map.me.group !== null && (
          <> {t('opinions.yourGroup', { group: groupName(map.me.group) })}</>
        )}
        {!map.me && isSignedIn && <> {t('opinions.notPlaced')}</>}
      </figcaption>
      <ul className="opinion-map__legend">
        {map.groups.map((group) => (
          <li key={group.id}>
            <span
              className="opinion-map__swatch"
              style={{ background: colour(group.id) }}
              aria-hidden="true"
            />
            {t('opinions.groupSize', { group: groupName(group.id), count: group.size })}
          </li>
        ))}
      </ul>
    </figure>
  );
}
