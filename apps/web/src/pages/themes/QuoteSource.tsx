import type { ThemeQuote } from '@razgovor/contracts';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { pick } from '../../talk/text';

/**
 * Where a quote comes from: a comment links to its thread; an open poll answer names the poll's
 * question and links to the conversation's polls, since answers have no page of their own.
 */
export function QuoteSource(props: { quote: ThemeQuote; conversationId: string }) {
  const { t, locale } = useI18n();
  const { quote } = props;

  if (quote.kind === 'answer' && quote.poll) {
    return (
      <span className="quote-source">
        {t('themes.answerTo', { question: pick(quote.poll.question, locale) })}{' '}
        <Link to={`/conversations/${props.conversationId}/polls`}>{t('themes.openPoll')}</Link>
      </span>
    );
  }

  return <Link to={`/comments/${quote.commentId ?? ''}`}>{t('themes.openComment')}</Link>;
}
