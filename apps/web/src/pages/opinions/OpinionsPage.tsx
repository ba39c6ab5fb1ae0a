import type { Conversation, NextStatement, OpinionMap } from '@razgovor/contracts';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/i18n';
import { followConversation, prepareLive } from '../../live/socket';
import { Link, useParams } from '../../router/router';
import { useSession } from '../../session/session';
import { LoadState } from '../../talk/LoadState';
import { pick } from '../../talk/text';
import { useLoad } from '../../talk/useLoad';
import { OpinionMapChart } from './OpinionMapChart';
import { PendingStatements } from './PendingStatements';
import { StatementForm } from './StatementForm';
import { StatementLists } from './StatementLists';
import { StatementVoting } from './StatementVoting';

interface OpinionData {
  conversation: Conversation;
  map: OpinionMap;
}

async function loadOpinions(id: string, signal: AbortSignal): Promise<OpinionData> {
  const conversation = await call('getConversation', { params: { id }, signal });
  await prepareLive(conversation.id);
  const map = await call('getOpinionMap', { params: { id: conversation.id }, signal });

  return { conversation, map };
}

export function OpinionsPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { me } = useSession();
  const { data, error, setData } = useLoad(`opinions:${id}`, (signal) => loadOpinions(id, signal));
  const [next, setNext] = useState<NextStatement | null>(null);
  const hasStatement = useRef(false);
  hasStatement.current = !!next?.statement;
  const [pendingVersion, setPendingVersion] = useState(0);
  const conversationId = data?.conversation.id;
  const isSignedIn = !!me;

  const loadNext = useRef<() => void>(() => undefined);
  loadNext.current = () => {
    if (!conversationId || !isSignedIn) return;
    call('nextStatement', { params: { id: conversationId } })
      .then(setNext)
      .catch((failure: unknown) => console.warn('Could not load the next statement', failure));
  };

  const reloadMap = useRef<() => void>(() => undefined);
  reloadMap.current = () => {
    if (!conversationId) return;
    call('getOpinionMap', { params: { id: conversationId } })
      .then((map) => setData((previous) => previous && { ...previous, map }))
      .catch((failure: unknown) => console.warn('Could not reload the opinion map', failure));
  };

  useEffect(() => loadNext.current(), [conversationId, isSignedIn]);

  useEffect(() => {
    if (!conversationId) return;

    return followConversation(conversationId, (envelope) => {
      if (envelope.type === 'opinion_map.updated') reloadMap.current();
      if (envelope.type !== 'statement.created') return;
      if (envelope.payload.state === 'pending') setPendingVersion((version) => version + 1);
      // A new statement matters now only to someone who has run out of statements.
      else if (!hasStatement.current) loadNext.current();
    });
  }, [conversationId]);

  if (!data) return <LoadState error={error} />;

  const { conversation, map } = data;

  return (
    <Page title={t('opinions.title', { title: pick(conversation.title, locale) })} width="wide">
      <p>
        <Link to={`/conversations/${conversation.slug}`}>{t('polls.back')}</Link>
      </p>
      <p className="lead-text">{t('opinions.intro')}</p>
      {isSignedIn ? (
        <>
          <StatementVoting next={next} onVoted={() => loadNext.current()} />
          <details className="card">
            <summary>{t('opinions.newStatement')}</summary>
            <StatementForm conversationId={conversation.id} />
          </details>
        </>
      ) : (
        <p>
          <Link to="/sign-in">{t('opinions.signInToVote')}</Link>
        </p>
      )}
      {conversation.canFacilitate && (
        <PendingStatements conversationId={conversation.id} version={pendingVersion} />
      )}
      <section aria-labelledby="map-title" aria-live="polite">
        <h2 id="map-title">{t('opinions.mapTitle')}</h2>
        {map.run === null ? (
          <p>{t('opinions.noMap')}</p>
        ) : (
          <>
            <p className="meta" data-testid="map-run">
              {t('opinions.mapMeta', { run: map.run, voters: map.voters })}
            </p>
            <OpinionMapChart map={map} isSignedIn={isSignedIn} />
            <StatementLists map={map} />
          </>
        )}
      </section>
    </Page>
  );
}
