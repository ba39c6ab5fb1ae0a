import { mailboxMessage, type MailboxMessage } from '@razgovor/contracts';
import { useEffect, useState } from 'react';
import { call, isApiError } from '../api/client';
import { Page } from '../components/Page';
import { Status } from '../components/Status';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/i18n';

type Mailbox =
  | { status: 'loading' }
  | { status: 'ready'; messages: MailboxMessage[] }
  | { status: 'unavailable' }
  | { status: 'failed'; error: unknown };

const messageList = mailboxMessage.array();
const urlPattern = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/g;

async function fetchMailbox(signal?: AbortSignal): Promise<Mailbox> {
  try {
    const messages = messageList.parse(await call('mailbox', { signal }));
    const newestFirst = [...messages].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));

    return { status: 'ready', messages: newestFirst };
  } catch (error) {
    // Production builds of the API do not mount the mailbox at all.
    if (isApiError(error) && error.status === 404) return { status: 'unavailable' };

    return { status: 'failed', error };
  }
}

function LinkedText({ text }: { text: string }) {
  // split() with a capturing group puts the URLs at the odd indexes.
  const parts = text.split(urlPattern);

  return (
    <pre className="mail__text">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

function MessageCard({ message }: { message: MailboxMessage }) {
  const { t, formatDate } = useI18n();

  return (
    <li className="mail card">
      <h2 className="mail__subject">{message.subject}</h2>
      <p className="mail__meta">
        <span>{t('mailbox.to', { to: message.to })}</span>
        <span>{t('mailbox.received', { date: formatDate(message.receivedAt) })}</span>
      </p>
      <LinkedText text={message.text} />
    </li>
  );
}

export function MailboxPage() {
  const { t } = useI18n();
  const [mailbox, setMailbox] = useState<Mailbox>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    void fetchMailbox(controller.signal).then((next) => {
      if (!controller.signal.aborted) setMailbox(next);
    });

    return () => controller.abort();
  }, []);

  const refresh = async () => {
    setMailbox({ status: 'loading' });
    setMailbox(await fetchMailbox());
  };

  return (
    <Page title={t('mailbox.title')} width="wide">
      <p>{t('mailbox.intro')}</p>
      <p>
        <button type="button" className="button--secondary" onClick={() => void refresh()}>
          {t('mailbox.refresh')}
        </button>
      </p>
      <Status tone={mailbox.status === 'failed' ? 'error' : 'info'}>
        {mailbox.status === 'loading' && t('common.loading')}
        {mailbox.status === 'unavailable' && t('mailbox.unavailable')}
        {mailbox.status === 'failed' && errorMessage(t, mailbox.error)}
        {mailbox.status === 'ready' && mailbox.messages.length === 0 && t('mailbox.empty')}
      </Status>
      {mailbox.status === 'ready' && mailbox.messages.length > 0 && (
        <ul className="mail-list">
          {mailbox.messages.map((message) => (
            <MessageCard key={message.id} message={message} />
          ))}
        </ul>
      )}
    </Page>
  );
}
