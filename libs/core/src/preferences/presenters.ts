import type { Poll, PollAnswer, PollStatus, Statement, Tally } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { PollRecord } from './poll.records';
import type { StatementRecord } from './statements.repository';

export function toPoll(
  record: PollRecord,
  status: PollStatus,
  myAnswer: PollAnswer | null,
  results: Tally | null,
): Poll {
  return {
    id: record.id,
    conversationId: record.conversationId,
    topicId: record.topicId,
    surveyId: record.surveyId,
    surveyRun: record.surveyRun,
    position: record.position,
    kind: record.kind,
    question: { bg: record.questionBg, en: record.questionEn },
    options: record.options.map((option) => ({
      id: option.id,
      label: { bg: option.labelBg, en: option.labelEn },
    })),
    maxChoices: record.kind === 'multiple' ? (record.maxChoices ?? record.options.length) : null,
    budgetTotal: record.budgetTotal,
    resultVisibility: record.resultVisibility,
    status,
    opensAt: record.opensAt?.toISOString() ?? null,
    closesAt: (record.closedAt ?? record.closesAt)?.toISOString() ?? null,
    respondents: record.respondents,
    myAnswer,
    results,
    createdAt: record.createdAt.toISOString(),
  };
}

export function toStatement(record: StatementRecord, viewer: User | null): Statement {
  const isMine = viewer?.id === record.authorId;

  return {
    id: record.id,
    conversationId: record.conversationId,
    body: record.body,
    language: record.language,
    state: record.state,
    holdReason: isMine || record.state !== 'published' ? record.holdReason : null,
    agree: record.agree,
    disagree: record.disagree,
    pass: record.pass,
    isMine,
    myVote: record.myVote,
    createdAt: record.createdAt.toISOString(),
  };
}
