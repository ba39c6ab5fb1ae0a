import type { Me } from '@razgovor/contracts';
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { Page } from '../components/Page';
import { Status } from '../components/Status';
import { errorMessage } from '../i18n/errors';
import { useT } from '../i18n/i18n';
import { Link, useSearchParam } from '../router/router';
import { useSession } from '../session/session';

// A token works once; sharing the request per token keeps a double mount from spending it twice.
const confirmations = new Map<string, Promise<Me>>();

function confirmOnce(token: string): Promise<Me> {
  const pending = confirmations.get(token) ?? call('confirmEmail', { body: { token } });
  confirmations.set(token, pending);

  return pending;
}

type Outcome =
  { status: 'pending' } | { status: 'confirmed' } | { status: 'failed'; error: unknown };

export function ConfirmEmailPage() {
  const t = useT();
  const token = useSearchParam('token');
  const session = useSession();
  const [outcome, setOutcome] = useState<Outcome>({ status: 'pending' });
  const { me, update } = session;
  const signedInId = me?.id;

  useEffect(() => {
    if (!token) return;
    let isCurrent = true;
    confirmOnce(token)
      .then((confirmed) => {
        if (!isCurrent) return;
        setOutcome({ status: 'confirmed' });
        if (confirmed.id === signedInId) update(confirmed);
      })
      .catch((error: unknown) => isCurrent && setOutcome({ status: 'failed', error }));

    return () => {
      isCurrent = false;
    };
  }, [token, signedInId, update]);

  if (!token) {
    return (
      <Page title={t('confirm.title')}>
        <Status tone="error">{t('confirm.missingToken')}</Status>
      </Page>
    );
  }

  return (
    <Page title={t('confirm.title')}>
      <Status tone={outcome.status === 'failed' ? 'error' : 'success'}>
        {outcome.status === 'pending' && t('confirm.pending')}
        {outcome.status === 'confirmed' && t('confirm.success')}
        {outcome.status === 'failed' && errorMessage(t, outcome.error)}
      </Status>
      {outcome.status === 'failed' && <p>{t('confirm.retryHint')}</p>}
      {outcome.status !== 'pending' && (
        <p>
          <Link to="/">{t('common.toHome')}</Link>
        </p>
      )}
    </Page>
  );
}
