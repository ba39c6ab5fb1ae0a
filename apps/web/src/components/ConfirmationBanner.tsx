import { useState } from 'react';
import { call } from '../api/client';
import { errorMessage } from '../i18n/errors';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';

type SendState = { status: 'idle' | 'sending' | 'sent' } | { status: 'failed'; error: unknown };

export function ConfirmationBanner() {
  const t = useT();
  const { me } = useSession();
  const [send, setSend] = useState<SendState>({ status: 'idle' });

  if (!me || me.emailConfirmed) return null;

  const resend = async () => {
    setSend({ status: 'sending' });
    try {
      await call('resendConfirmation');
      setSend({ status: 'sent' });
    } catch (error) {
      setSend({ status: 'failed', error });
    }
  };

  return (
    <aside className="banner" aria-label={t('checkEmail.title')}>
      <div className="banner__inner">
        <p>{t('banner.unconfirmed', { email: me.email })}</p>
        <button
          type="button"
          className="button--secondary"
          onClick={() => void resend()}
          disabled={send.status === 'sending'}
        >
          {send.status === 'sending' ? t('banner.sending') : t('banner.resend')}
        </button>
        <p role="status" className="banner__status">
          {send.status === 'sent' && t('banner.sent')}
          {send.status === 'failed' && errorMessage(t, send.error)}
        </p>
      </div>
    </aside>
  );
}
