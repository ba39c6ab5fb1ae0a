import type { ThemeRun, ThemesOverview } from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { hasMessage, useI18n, useT, type Translate } from '../../i18n/i18n';

export function stageName(t: Translate, stage: string | null): string {
  const key = `themes.stage.${stage ?? 'queued'}`;

  return hasMessage(key) ? t(key) : (stage ?? '');
}

/** A run in progress as a bar that screen readers announce as it moves. */
export function RunProgress({ run }: { run: ThemeRun }) {
  const t = useT();
  const percent = Math.round(run.progress * 100);
  const label = t('themes.progressLabel', { number: run.number, stage: stageName(t, run.stage) });

  return (
    <div className="run-progress">
      <p id={`run-${run.id}-label`}>{label}</p>
      <div
        role="progressbar"
        aria-labelledby={`run-${run.id}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="run-progress__track"
      >
        <div className="run-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="meta">{percent}%</p>
      {run.stage === 'retrying' && run.error && (
        <p className="meta">{t('themes.retrying', { attempt: run.attempts, error: run.error })}</p>
      )}
    </div>
  );
}

/** The run in force, the ones in progress, the button that asks for a new one, and the history. */
export function RunPanel(props: {
  overview: ThemesOverview;
  activeRuns: ThemeRun[];
  onRequested: (run: ThemeRun) => void;
}) {
  const { t, formatDate } = useI18n();
  const [failure, setFailure] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const { overview, activeRuns } = props;
  const current = overview.currentRun;
  // The newest run, when it failed for good and nothing newer is under way.
  const latest = overview.runs[0];
  const failed =
    latest?.status === 'failed' && !activeRuns.some((run) => run.number > latest.number)
      ? latest
      : null;

  const request = async () => {
    setBusy(true);
    try {
      const run = await call('requestThemeRun', {
        params: { id: overview.conversationId },
        body: {},
      });
      setFailure(null);
      props.onRequested(run);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="runs-heading">
      <h2 id="runs-heading">{t('themes.runs')}</h2>
      <p>
        {current
          ? t('themes.currentRun', {
              number: current.number,
              date: formatDate(current.completedAt ?? current.createdAt),
              count: current.inputCount,
              themes: current.themeCount ?? 0,
              version: current.codeVersion,
            })
          : t('themes.noRun')}
      </p>
      {failed && (
        <p role="status" className="run-failed">
          {t('themes.failedRun', {
            number: failed.number,
            attempts: failed.attempts,
            error: failed.error ?? '',
          })}
        </p>
      )}
      {activeRuns.map((run) => (
        <RunProgress key={run.id} run={run} />
      ))}
      {failure !== null && <p role="alert">{errorMessage(t, failure)}</p>}
      <p className="actions">
        <button type="button" className="button" onClick={() => void request()} disabled={isBusy}>
          {t('themes.runNow')}
        </button>
      </p>
      {overview.runs.length > 0 && (
        <details>
          <summary>{t('themes.recentRuns')}</summary>
          <ul>
            {overview.runs.map((run) => (
              <li key={run.id}>
                {t('themes.runLine', {
                  number: run.number,
                  status: t(`themes.status.${run.status}`),
                  trigger: t(`themes.trigger.${run.trigger}`),
                  date: formatDate(run.createdAt),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
