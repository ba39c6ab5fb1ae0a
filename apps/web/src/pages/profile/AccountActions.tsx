import { useState } from 'react';
import { call } from '../../api/client';
import { Status } from '../../components/Status';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';
import { navigate } from '../../router/router';
import { useSession } from '../../session/session';

const exportFileName = 'razgovor-my-data.json';

function saveAsFile(data: unknown, fileName: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Outcome = { kind: 'downloaded' } | { kind: 'failed'; error: unknown } | null;

export function DownloadData() {
  const t = useT();
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const message =
    outcome?.kind === 'failed'
      ? errorMessage(t, outcome.error)
      : outcome && t('profile.downloaded');

  const download = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      saveAsFile(await call('exportMe'), exportFileName);
      setOutcome({ kind: 'downloaded' });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="data-title" className="card">
      <h2 id="data-title">{t('profile.dataTitle')}</h2>
      <p>{t('profile.dataBody')}</p>
      <button
        type="button"
        className="button--secondary"
        onClick={() => void download()}
        disabled={isBusy}
      >
        {t('profile.download')}
      </button>
      <Status tone={outcome?.kind === 'failed' ? 'error' : 'success'}>{message}</Status>
    </section>
  );
}

export function SignOutEverywhere() {
  const t = useT();
  const session = useSession();
  const [failure, setFailure] = useState<unknown>(null);

  const signOutEverywhere = async () => {
    setFailure(null);
    try {
      await call('signOutEverywhere');
      session.forget();
      navigate('/sign-in');
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section aria-labelledby="sessions-title" className="card">
      <h2 id="sessions-title">{t('profile.sessionsTitle')}</h2>
      <p>{t('profile.sessionsBody')}</p>
      <button type="button" className="button--secondary" onClick={() => void signOutEverywhere()}>
        {t('profile.signOutEverywhere')}
      </button>
      <Status tone="error">{failure !== null && errorMessage(t, failure)}</Status>
    </section>
  );
}
