import {
  conversationExportTables,
  type ExportFormat,
  exportFormats,
  type ExportJob,
  type ExportTable,
  exportTables,
  preferenceExportTables,
} from '@razgovor/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { errorMessage } from '../../i18n/errors';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { useParams } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { useLoad } from '../../talk/useLoad';

const tableGroups = [
  ['exports.tables', conversationExportTables],
  ['exports.tables.preferences', preferenceExportTables],
] as const satisfies ReadonlyArray<readonly [MessageKey, readonly ExportTable[]]>;

/** The analysts' export screen: choose tables and format, follow the job, download the file. */
export function ExportsPage() {
  const { t, formatDate } = useI18n();
  const { id = '' } = useParams();
  const { data, error, setData } = useLoad(`exports:${id}`, (signal) =>
    call('listExports', { params: { id }, signal }),
  );
  const [format, setFormat] = useState<ExportFormat>('zip');
  const [tables, setTables] = useState<ExportTable[]>([...exportTables]);
  const [isStable, setIsStable] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const isRunning = data?.items.some((job) => job.status === 'queued' || job.status === 'running');

  // Progress comes from the job's row; while one runs the list is read again every second.
  useEffect(() => {
    if (!isRunning) return;
    const timer = window.setInterval(() => {
      call('listExports', { params: { id } })
        .then((list) => setData(list))
        .catch(() => undefined);
    }, 1000);

    return () => window.clearInterval(timer);
  }, [id, isRunning, setData]);

  if (!data) return <LoadState error={error} />;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      const job = await call('createExport', {
        params: { id },
        body: { format, tables, stableIds: isStable },
      });
      setData({ items: [job, ...data.items] });
      setProblem(null);
    } catch (failure) {
      setProblem(errorMessage(t, failure));
    }
  };

  const describe = (job: ExportJob) =>
    job.status === 'done'
      ? t('exports.ready', { size: (job.byteSize / 1e6).toFixed(1) })
      : t(`exports.status.${job.status}` as MessageKey);

  return (
    <Page title={t('exports.title')} width="wide">
      <p>{t('exports.intro')}</p>
      <form onSubmit={(event) => void handleSubmit(event)}>
        <fieldset>
          <legend>{t('exports.format')}</legend>
          {exportFormats.map((value) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name="format"
                value={value}
                checked={format === value}
                onChange={() => setFormat(value)}
              />
              {t(`exports.format.${value}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        {tableGroups.map(([legend, group]) => (
          <fieldset key={legend} disabled={format === 'polis'}>
            <legend>{t(legend)}</legend>
            {group.map((table) => (
              <label key={table} className="checkbox">
                <input
                  type="checkbox"
                  checked={tables.includes(table)}
                  onChange={() =>
                    setTables((current) =>
                      current.includes(table)
                        ? current.filter((item) => item !== table)
                        : exportTables.filter((item) => item === table || current.includes(item)),
                    )
                  }
                />
                {t(`exports.table.${table}` as MessageKey)}
              </label>
            ))}
          </fieldset>
        ))}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={isStable}
            onChange={(event) => setIsStable(event.target.checked)}
          />
          {t('exports.stableIds')}
        </label>
        {problem && <p role="alert">{problem}</p>}
        <button type="submit" disabled={tables.length === 0}>
          {t('exports.start')}
        </button>
      </form>

      <h2>{t('exports.recent')}</h2>
      <ul className="card-list" aria-live="polite">
        {data.items.map((job) => (
          <li key={job.id} className="export-job">
            <p>
              {t(`exports.format.${job.format}` as MessageKey)} · {formatDate(job.createdAt)}
            </p>
            <progress
              max={1}
              value={job.progress}
              aria-label={t('exports.progress', { percent: Math.round(job.progress * 100) })}
            />
            <p>{describe(job)}</p>
            {job.downloadUrl && (
              <p>
                <a href={job.downloadUrl} download={job.fileName ?? undefined}>
                  {t('exports.download', { file: job.fileName ?? '' })}
                </a>{' '}
                {job.expiresAt && t('exports.expires', { date: formatDate(job.expiresAt) })}
              </p>
            )}
            {job.error && <p role="alert">{job.error}</p>}
          </li>
        ))}
      </ul>
    </Page>
  );
}
