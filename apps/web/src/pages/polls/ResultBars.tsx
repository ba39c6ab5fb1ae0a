import type { Poll, Tally } from '@razgovor/contracts';
import { useI18n } from '../../i18n/i18n';
import { pick } from '../../talk/text';
import { formatNumber } from './format';

interface Bar {
  label: string;
  value: number | null;
  text: string;
}

/** Horizontal bars drawn in SVG, each with its figure written out for screen readers. */
export function Bars({ bars, max, label }: { bars: Bar[]; max: number; label: string }) {
  const rowHeight = 28;
  const width = 100;

  return (
    <figure className="bars">
      <svg
        viewBox={`0 0 ${width} ${bars.length * rowHeight}`}
        preserveAspectRatio="none"
        aria-hidden="true"
        className="bars__chart"
        style={{ height: `${bars.length * 1.9}rem` }}
      >
        {bars.map((bar, index) => (
          <rect
            key={index}
            x={0}
            y={index * rowHeight + 14}
            height={10}
            width={max > 0 && bar.value !== null ? (bar.value / max) * width : 0}
            className="bars__bar"
          />
        ))}
      </svg>
      <figcaption className="visually-hidden">{label}</figcaption>
      <ul className="bars__labels">
        {bars.map((bar, index) => (
          <li key={index}>
            <span>{bar.label}</span> <strong>{bar.text}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** The overall tally of a poll as a chart suited to its kind. */
export function ResultBars({ poll, tally }: { poll: Poll; tally: Tally }) {
  const { t, locale } = useI18n();
  const hidden = t('polls.hiddenCell');
  const label = pick(poll.question, locale);
  const optionLabel = (id: string) =>
    pick(poll.options.find((option) => option.id === id)?.label ?? { bg: '', en: '' }, locale);

  if (poll.kind === 'open') {
    return <p>{t('polls.openResults', { count: tally.respondents })}</p>;
  }

  if (poll.kind === 'scale') {
    const bars = (tally.scale ?? []).map((count, index) => ({
      label: `${index + 1} · ${t(`polls.scale.${index + 1}` as 'polls.scale.1')}`,
      value: count,
      text: count === null ? hidden : formatNumber(locale, count),
    }));

    return (
      <>
        <Bars bars={bars} max={Math.max(1, ...bars.map((bar) => bar.value ?? 0))} label={label} />
        {tally.mean !== null && (
          <p>{t('polls.meanScale', { mean: formatNumber(locale, tally.mean, 2) })}</p>
        )}
      </>
    );
  }

  const usesMean = poll.kind === 'ranking' || poll.kind === 'budget';
  const bars = tally.options.map((option) => {
    const value = usesMean ? option.mean : option.count;
    const share =
      option.count !== null && tally.respondents > 0
        ? Math.round((option.count / tally.respondents) * 100)
        : null;
    const text =
      value === null
        ? hidden
        : poll.kind === 'ranking'
          ? t('polls.meanRank', { rank: formatNumber(locale, value, 2) })
          : poll.kind === 'budget'
            ? t('polls.meanLeva', { amount: formatNumber(locale, value) })
            : t('polls.countShare', { count: value, share: share ?? 0 });
    // A lower average place is better: the bar shows how far from last the option stands.
    const length =
      poll.kind === 'ranking' && value !== null ? poll.options.length + 1 - value : value;

    return { label: optionLabel(option.optionId), value: length, text };
  });
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));

  return <Bars bars={bars} max={max} label={label} />;
}
