import {
  pollLimits,
  type PollAnswer,
  type PollQuestion,
  type PollStatus,
  type ConversationStatus,
} from '@razgovor/contracts';
import { AppError } from '../errors/app-error';
import type { AnswerItem, PollRecord } from './poll.records';

const kindsWithOptions = new Set(['single', 'multiple', 'ranking', 'budget']);

function invalid(path: string, message: string): never {
  throw new AppError('POLL_INVALID', message, [{ path, message }]);
}

/** The rules between a question's fields that a schema alone cannot state. */
export function checkQuestion(question: PollQuestion, path = ''): void {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const options = question.options ?? [];
  if (kindsWithOptions.has(question.kind) && options.length < pollLimits.optionsMin) {
    invalid(
      at('options'),
      `A ${question.kind} poll needs at least ${pollLimits.optionsMin} options`,
    );
  }

  if (!kindsWithOptions.has(question.kind) && options.length > 0) {
    invalid(at('options'), `A ${question.kind} poll has no options`);
  }

  const hasMax = question.maxChoices !== undefined && question.maxChoices !== null;
  if (hasMax && question.kind !== 'multiple') {
    invalid(at('maxChoices'), 'Only a multiple-choice poll has a maximum of choices');
  }

  if (hasMax && question.maxChoices! > options.length) {
    invalid(at('maxChoices'), 'The maximum of choices exceeds the number of options');
  }

  const hasTotal = question.budgetTotal !== undefined && question.budgetTotal !== null;
  if (question.kind === 'budget' && !hasTotal) {
    invalid(at('budgetTotal'), 'A budget split needs the sum to spread');
  }

  if (question.kind !== 'budget' && hasTotal) {
    invalid(at('budgetTotal'), 'Only a budget split has a sum to spread');
  }
}

export function checkSchedule(opensAt: Date | null, closesAt: Date | null, path = ''): void {
  if (opensAt && closesAt && opensAt >= closesAt) {
    invalid(path ? `${path}.closesAt` : 'closesAt', 'A poll must close after it opens');
  }
}

/** The status in effect: a poll answers only while it and its conversation are open. */
export function pollStatus(
  poll: Pick<PollRecord, 'opensAt' | 'closesAt' | 'closedAt'>,
  conversationStatus: ConversationStatus,
  now: Date,
): PollStatus {
  if (conversationStatus === 'closed' || conversationStatus === 'archived') return 'closed';
  if (conversationStatus === 'draft')
    return ownStatus(poll, now) === 'closed' ? 'closed' : 'scheduled';

  return ownStatus(poll, now);
}

/**
 * The status the poll's own schedule gives, whatever its conversation does: what a scheduled
 * opening or closing announces (the conversation announces its own changes).
 */
export function ownStatus(
  poll: Pick<PollRecord, 'opensAt' | 'closesAt' | 'closedAt'>,
  now: Date,
): PollStatus {
  if (poll.closedAt || (poll.closesAt && poll.closesAt <= now)) return 'closed';
  if (poll.opensAt && poll.opensAt > now) return 'scheduled';

  return 'open';
}

export function assertAnswerable(status: PollStatus): void {
  if (status === 'scheduled') throw new AppError('POLL_NOT_OPEN', 'This poll has not opened yet');
  if (status === 'closed') throw new AppError('POLL_CLOSED', 'This poll is closed');
}

function distinctKnown(poll: PollRecord, optionIds: string[], path: string): void {
  const known = new Set(poll.options.map((option) => option.id));
  const unknown = optionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError('UNKNOWN_OPTION', 'An option is not one of this poll', [
      { path, message: `Not an option of this poll: ${unknown.join(', ')}` },
    ]);
  }

  if (new Set(optionIds).size !== optionIds.length) {
    throw new AppError('ANSWER_MISMATCH', 'An option is given more than once', [
      { path, message: 'Each option may appear once' },
    ]);
  }
}

/** Checks an answer against its poll and splits it into the items the tallies count. */
export function answerItems(poll: PollRecord, answer: PollAnswer): AnswerItem[] {
  if (answer.kind !== poll.kind) {
    throw new AppError('ANSWER_MISMATCH', `This poll takes a ${poll.kind} answer`, [
      { path: 'kind', message: `Expected ${poll.kind}` },
    ]);
  }

  switch (answer.kind) {
    case 'single':
      distinctKnown(poll, [answer.optionId], 'optionId');

      return [{ optionId: answer.optionId, value: 1 }];
    case 'multiple': {
      distinctKnown(poll, answer.optionIds, 'optionIds');
      const max = poll.maxChoices ?? poll.options.length;
      if (answer.optionIds.length > max) {
        throw new AppError('TOO_MANY_CHOICES', `Choose at most ${max} options`, { max });
      }

      return answer.optionIds.map((optionId) => ({ optionId, value: 1 }));
    }

    case 'ranking':
      distinctKnown(poll, answer.optionIds, 'optionIds');
      if (answer.optionIds.length !== poll.options.length) {
        throw new AppError('RANKING_INCOMPLETE', 'Rank every option, best first', {
          expected: poll.options.length,
          given: answer.optionIds.length,
        });
      }

      return answer.optionIds.map((optionId, index) => ({ optionId, value: index + 1 }));
    case 'scale':
      return [{ optionId: null, value: answer.value }];
    case 'budget': {
      const ids = answer.allocations.map((allocation) => allocation.optionId);
      distinctKnown(poll, ids, 'allocations');
      const sum = answer.allocations.reduce((total, allocation) => total + allocation.amount, 0);
      if (sum !== poll.budgetTotal) {
        throw new AppError(
          'BUDGET_NOT_BALANCED',
          `The amounts add up to ${sum} leva, not ${poll.budgetTotal}`,
          { total: poll.budgetTotal, sum, difference: (poll.budgetTotal ?? 0) - sum },
        );
      }

      return answer.allocations.map(({ optionId, amount }) => ({ optionId, value: amount }));
    }

    case 'open':
      return [];
  }
}
