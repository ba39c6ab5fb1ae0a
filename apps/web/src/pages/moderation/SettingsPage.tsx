import {
  moderationLimits,
  moderationModes,
  type ModerationMode,
  type ModerationSettings,
  type Topic,
} from '@razgovor/contracts';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { RequireSignIn } from '../../components/RequireSignIn';
import { Status } from '../../components/Status';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { useParams } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { pick } from '../../talk/text';
import { FacilitatorOnly } from './FacilitatorOnly';
import { ModerationNav } from './ModerationNav';
import { useConversation } from './useConversation';

type Notice = { ok: boolean; text: string } | null;

const numberFields = [
  ['newAccountHoldCount', 0, 100],
  ['flagHideWeight', 1, 1000],
  ['heatCommentsPerMinute', 0, 10_000],
  ['heatFlagsPerMinute', 0, 10_000],
  ['autoSlowModeSeconds', 1, moderationLimits.slowModeSecondsMax],
  ['coolDownMinutes', 1, 24 * 60],
] as const;

function ConversationSettings({ conversationId }: { conversationId: string }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<ModerationSettings | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    const controller = new AbortController();
    call('getModerationSettings', { params: { id: conversationId }, signal: controller.signal })
      .then(setSettings)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setNotice({ ok: false, text: errorMessage(t, error) });
      });

    return () => controller.abort();
  }, [conversationId, t]);

  if (!settings) return <Status tone={notice ? 'error' : 'info'}>{notice?.text}</Status>;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    try {
      setSettings(
        await call('updateModerationSettings', { params: { id: conversationId }, body: settings }),
      );
      setNotice({ ok: true, text: t('settings.saved') });
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(t, error) });
    }
  };

  return (
    <form className="form card" onSubmit={(event) => void save(event)} noValidate>
      <h2>{t('settings.conversation')}</h2>
      <fieldset className="fieldset">
        <legend>{t('settings.mode')}</legend>
        {moderationModes.map((mode) => (
          <label key={mode} className="checkbox">
            <input
              type="radio"
              name="mode"
              value={mode}
              checked={settings.mode === mode}
              onChange={() => setSettings({ ...settings, mode })}
            />
            {t(`mode.${mode}`)}
          </label>
        ))}
      </fieldset>
      {numberFields.map(([name, min, max]) => (
        <div key={name} className="field">
          <label htmlFor={`setting-${name}`}>{t(`settings.${name}`)}</label>
          <p id={`setting-${name}-hint`} className="field__hint">
            {t(`settings.${name}.hint`)}
          </p>
          <input
            id={`setting-${name}`}
            type="number"
            min={min}
            max={max}
            value={settings[name]}
            aria-describedby={`setting-${name}-hint`}
            onChange={(event) => setSettings({ ...settings, [name]: Number(event.target.value) })}
          />
        </div>
      ))}
      <button type="submit">{t('settings.save')}</button>
      <Status tone={notice?.ok === false ? 'error' : 'success'}>{notice?.text}</Status>
    </form>
  );
}

function TopicSettings({ topic, onChanged }: { topic: Topic; onChanged: (topic: Topic) => void }) {
  const { t, locale, formatDate } = useI18n();
  const id = useId();
  const [seconds, setSeconds] = useState(topic.slowMode?.seconds ?? 60);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const slowMode = topic.slowMode;

  const run = async (change: () => Promise<Topic>, done: string) => {
    setNotice(null);
    try {
      onChanged(await change());
      setNotice({ ok: true, text: done });
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(t, error) });
    }
  };

  const setMode = (value: string) =>
    void run(
      () =>
        call('setTopicModeration', {
          params: { id: topic.id },
          body: { mode: value === '' ? null : (value as ModerationMode) },
        }),
      t('settings.saved'),
    );

  const switchSlowMode = (isOn: boolean) => {
    if (reason.trim() === '') {
      setNotice({ ok: false, text: t('slowMode.reasonRequired') });

      return;
    }

    void run(
      () =>
        call('setSlowMode', {
          params: { id: topic.id },
          body: { seconds: isOn ? seconds : 0, reason: reason.trim() },
        }),
      isOn ? t('slowMode.switchedOn') : t('slowMode.switchedOff'),
    );
  };

  return (
    <li className="card">
      <h3>{pick(topic.title, locale)}</h3>
      <div className="field">
        <label htmlFor={`${id}-mode`}>{t('settings.topicMode')}</label>
        <select
          id={`${id}-mode`}
          value={topic.moderationMode ?? ''}
          onChange={(event) => setMode(event.target.value)}
        >
          <option value="">{t('mode.inherit')}</option>
          {moderationModes.map((mode) => (
            <option key={mode} value={mode}>
              {t(`mode.${mode}`)}
            </option>
          ))}
        </select>
      </div>
      <p>
        {slowMode
          ? t('slowMode.current', {
              seconds: slowMode.seconds,
              reason: slowMode.reason,
              since: formatDate(slowMode.since),
            })
          : t('slowMode.off')}
        {slowMode?.isAutomatic && ` ${t('slowMode.automatic')}`}
      </p>
      <form
        className="slow-mode__form"
        onSubmit={(event) => {
          event.preventDefault();
          switchSlowMode(true);
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor={`${id}-seconds`}>{t('slowMode.seconds')}</label>
          <input
            id={`${id}-seconds`}
            type="number"
            min={1}
            max={moderationLimits.slowModeSecondsMax}
            value={seconds}
            onChange={(event) => setSeconds(Math.max(1, Number(event.target.value) || 1))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('slowMode.reasonLabel')}</label>
          <input
            id={`${id}-reason`}
            value={reason}
            maxLength={300}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <p className="actions">
          <button type="submit">{t('slowMode.switchOn')}</button>
          {slowMode && (
            <button
              type="button"
              className="button--secondary"
              onClick={() => switchSlowMode(false)}
            >
              {t('slowMode.switchOff')}
            </button>
          )}
        </p>
      </form>
      <Status tone={notice?.ok === false ? 'error' : 'success'}>{notice?.text}</Status>
    </li>
  );
}

export function ModerationSettingsPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error, setData } = useConversation(id);

  if (!data) return <LoadState error={error} />;

  const replaceTopic = (updated: Topic) =>
    setData(
      (previous) =>
        previous && {
          ...previous,
          topics: previous.topics.map((topic) => (topic.id === updated.id ? updated : topic)),
        },
    );

  return (
    <RequireSignIn>
      {() => (
        <FacilitatorOnly conversation={data.conversation}>
          <Page title={t('moderation.settingsTitle')} width="wide">
            <ModerationNav conversation={data.conversation} />
            <ConversationSettings conversationId={data.conversation.id} />
            <h2>{t('settings.topics')}</h2>
            <ul className="card-list">
              {data.topics.map((topic) => (
                <TopicSettings key={topic.id} topic={topic} onChanged={replaceTopic} />
              ))}
            </ul>
          </Page>
        </FacilitatorOnly>
      )}
    </RequireSignIn>
  );
}
