import type { Conversation, SearchResults, Topic } from '@razgovor/contracts';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/i18n';
import { Markdown } from '../../markdown/Markdown';
import { Link, useParams, useSearchParam } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { pick, plural } from '../../talk/text';
import { useLoad } from '../../talk/useLoad';
import { authorName } from '../topic/CommentItem';
import { SearchForm } from './SearchForm';

interface SearchData {
  conversation: Conversation;
  topics: Topic[];
  results: SearchResults;
}

async function search(id: string, q: string, signal: AbortSignal): Promise<SearchData> {
  const conversation = await call('getConversation', { params: { id }, signal });
  const [topics, results] = await Promise.all([
    call('listTopics', { params: { id: conversation.id }, signal }),
    q === ''
      ? Promise.resolve({ items: [] })
      : call('searchConversation', { params: { id: conversation.id }, query: { q }, signal }),
  ]);

  return { conversation, topics: topics.items, results };
}

export function SearchPage() {
  const { t, locale, formatDate } = useI18n();
  const { id = '' } = useParams();
  const q = (useSearchParam('q') ?? '').trim();
  const { data, error } = useLoad(`search:${id}:${q}`, (signal) => search(id, q, signal));

  if (!data) return <LoadState error={error} />;

  const { conversation, topics, results } = data;
  const topicTitle = (topicId: string) => {
    const topic = topics.find((item) => item.id === topicId);

    return topic ? pick(topic.title, locale) : '';
  };

  return (
    <Page title={t('search.title', { query: q })} width="wide">
      <p className="breadcrumb">
        <Link to={`/conversations/${conversation.slug}`}>{pick(conversation.title, locale)}</Link>
      </p>
      <SearchForm key={q} conversationSlug={conversation.slug} initial={q} />
      <p role="status">
        {results.items.length === 0
          ? t('search.empty', { query: q })
          : plural(t, 'search.results', results.items.length)}
      </p>
      <ol className="card-list">
        {results.items.map(({ comment }) => (
          <li key={comment.id} className="comment">
            <p className="meta">
              <strong>{authorName(comment, t('comment.deletedAuthor'))}</strong>
              <span>{t('search.inTopic', { title: topicTitle(comment.topicId) })}</span>
              <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
            </p>
            {comment.body !== null && <Markdown source={comment.body} breaks />}
            <Link to={`/comments/${comment.id}`}>{t('comment.permalink')}</Link>
          </li>
        ))}
      </ol>
    </Page>
  );
}
