import { useId } from 'react';

interface Bar {
  label: string;
  value: number | null;
  /** A second value drawn as a marker, e.g. the population share. */
  reference?: number | null;
}

interface BarChartProps {
  title: string;
  description: string;
  bars: Bar[];
  format: (value: number) => string;
  valueLabel: string;
  referenceLabel?: string;
  emptyLabel: string;
}

/**
 * Horizontal bars with an optional reference marker, drawn as SVG. A table with the same
 * numbers follows for screen readers and for anyone who prefers reading to looking.
 */
export function BarChart(props: BarChartProps) {
  const { title, description, bars, format, valueLabel, referenceLabel, emptyLabel } = props;
  const id = useId();
  const max = Math.max(0.0001, ...bars.flatMap((bar) => [bar.value ?? 0, bar.reference ?? 0]));
  const rowHeight = 22;
  const labelWidth = 130;
  const width = 520;
  const scale = (value: number) => ((width - labelWidth - 60) * value) / max;

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${bars.length * rowHeight + 8}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, index) => {
          const y = index * rowHeight + 4;

          return (
            <g key={bar.label}>
              <text x={labelWidth - 6} y={y + 14} textAnchor="end" className="chart__label">
                {bar.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 3}
                width={scale(bar.value ?? 0)}
                height={rowHeight - 8}
                className="chart__bar"
              />
              {bar.reference !== undefined && bar.reference !== null && (
                <rect
                  x={labelWidth + scale(bar.reference) - 1}
                  y={y}
                  width={3}
                  height={rowHeight - 2}
                  className="chart__marker"
                />
              )}
              <text x={labelWidth + scale(bar.value ?? 0) + 6} y={y + 14} className="chart__value">
                {bar.value === null ? emptyLabel : format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{valueLabel}</th>
            {referenceLabel && <th scope="col">{referenceLabel}</th>}
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.value === null ? emptyLabel : format(bar.value)}</td>
              {referenceLabel && (
                <td>
                  {bar.reference === null || bar.reference === undefined
                    ? ''
                    : format(bar.reference)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

interface ColumnChartProps {
  title: string;
  description: string;
  columns: Array<{ label: string; values: number[] }>;
  seriesLabels: string[];
}

/** Stacked columns per week (e.g. comments and replies), as SVG with a data table. */
export function ColumnChart({ title, description, columns, seriesLabels }: ColumnChartProps) {
  const id = useId();
  const height = 140;
  const width = Math.max(200, columns.length * 48 + 20);
  const max = Math.max(1, ...columns.map((column) => column.values.reduce((a, b) => a + b, 0)));

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height + 24}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {columns.map((column, index) => {
          let top = height;

          return (
            <g key={column.label}>
              {column.values.map((value, series) => {
                const barHeight = (height * value) / max;
                top -= barHeight;

                return (
                  <rect
                    key={seriesLabels[series]}
                    x={10 + index * 48}
                    y={top}
                    width={36}
                    height={barHeight}
                    className={`chart__series-${series}`}
                  />
                );
              })}
              <text
                x={28 + index * 48}
                y={height + 16}
                textAnchor="middle"
                className="chart__label"
              >
                {column.label.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {title}:{' '}
        {seriesLabels.map((label, series) => (
          <span key={label} className={`chart__key chart__key-${series}`}>
            {label}
          </span>
        ))}
      </figcaption>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {seriesLabels.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => (
            <tr key={column.label}>
              <th scope="row">{column.label}</th>
              {column.values.map((value, series) => (
                <td key={seriesLabels[series]}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Agree against disagree as one split bar with its numbers in words. */
export function BalanceBar({
  agree,
  disagree,
  label,
}: {
  agree: number;
  disagree: number;
  label: string;
}) {
  const total = Math.max(1, agree + disagree);

  return (
    <div className="balance" role="img" aria-label={label}>
      <span className="balance__agree" style={{ width: `${(100 * agree) / total}%` }} />
      <span className="balance__disagree" style={{ width: `${(100 * disagree) / total}%` }} />
    </div>
  );
}
