import type { Poll, PollKind, ReportPreference } from '@razgovor/contracts';
import { describe, expect, it } from 'vitest';
import type { Respondent } from '../preferences/poll.records';
import { pollResults } from '../preferences/tally';
import { resultSumsOf } from '../preferences/testing/result-sums';
import { preferencesMarkdown } from './report-markdown-preferences';

const labels = ['Паркове', 'Улици', 'Училища'];

function pollOf(kind: PollKind, extra: Partial<Poll> = {}): Poll {
  return {
    id: `poll-${kind}`,
    conversationId: 'c',
    topicId: null,
    surveyId: null,
    surveyRun: null,
    position: 0,
    kind,
    question: { bg: `Въпрос ${kind}`, en: `Question ${kind}` },
    options:
      kind === 'scale' || kind === 'open'
        ? []
        : labels.map((label, index) => ({ id: `o${index}`, label: { bg: label, en: label } })),
    maxChoices: null,
    budgetTotal: null,
    resultVisibility: 'after-answer',
    status: 'closed',
    opensAt: null,
    closesAt: null,
    respondents: 0,
    myAnswer: null,
    results: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    ...extra,
  };
}

/** `count` people of Mladost answering alike, and one of Bankya. */
function section(
  poll: Poll,
  items: Respondent['items'],
  count = 6,
  themes: Extract<ReportPreference, { type: 'poll' }>['themes'] = [],
): ReportPreference {
  const people = Array.from({ length: count }, (_, index) => ({
    userId: `u${index}`,
    district: 'mladost',
    ageBand: null,
    gender: null,
    items,
  })) as Respondent[];
  people.push({ ...people[0]!, userId: 'lone', district: 'bankya' } as Respondent);
  const results = pollResults(
    { id: poll.id, kind: poll.kind, optionIds: poll.options.map((option) => option.id) },
    resultSumsOf(people),
  );

  return { type: 'poll', poll, results, themes };
}

describe('preferencesMarkdown', () => {
  it('writes nothing when the report shows no polls', () => {
    expect(preferencesMarkdown([], 'en')).toEqual([]);
  });

  it('gives a ranking its average places and first places', () => {
    const items = [
      { optionId: 'o1', value: 1 },
      { optionId: 'o0', value: 2 },
      { optionId: 'o2', value: 3 },
    ];
    const lines = preferencesMarkdown([section(pollOf('ranking'), items)], 'en');

    expect(lines).toContain('| Answer | Average place (1 is best) | Ranked first |');
    expect(lines).toContain('| Улици | 1 | 7 |');
    expect(lines).toContain('| Паркове | 2 | 0 |');
  });

  it('gives a budget split the sum and the average amount per category', () => {
    const poll = pollOf('budget', { budgetTotal: 1_500_000 });
    const items = [
      { optionId: 'o0', value: 1_000_000 },
      { optionId: 'o1', value: 500_000 },
      { optionId: 'o2', value: 0 },
    ];
    const lines = preferencesMarkdown([section(poll, items)], 'en');

    expect(lines).toContain('Splitting 1,500,000 leva.');
    expect(lines).toContain('| Паркове | 1,000,000 | 7 |');
    expect(lines).toContain('| Училища | 0 | 0 |');
  });

  it('gives a scale its counts per value and its mean, with small groups hidden', () => {
    const lines = preferencesMarkdown(
      [section(pollOf('scale'), [{ optionId: null, value: 4 }])],
      'bg',
    );

    expect(lines).toContain('| 4 | 7 |');
    expect(lines).toContain('Средна оценка: 4 (1 – несъгласен, 5 – съгласен).');
    // Bankya's one person is hidden, and so is Mladost, which the total would otherwise give away.
    expect(lines).toContain('| Младост | скрито | – |');
    expect(lines).toContain('| Банкя | скрито | – |');
    expect(lines).toContain('| не са посочили | 7 | 4 |');
  });

  it('counts open answers and points to the themes they feed, without their texts', () => {
    const themes = [{ id: 't', label: { bg: 'Паркове', en: 'Parks' }, answers: 4 }];
    const lines = preferencesMarkdown([section(pollOf('open'), [], 6, themes)], 'en');

    expect(lines.join('\n')).toContain('7 people wrote an answer');
    expect(lines.join('\n')).toContain('theme analysis');
    expect(lines).toContain('Themes the answers were placed in: Parks (4).');
    expect(lines.some((line) => line.startsWith('|'))).toBe(false);
  });

  it('shows the share of people for each choice of a multiple-choice poll', () => {
    const items = [
      { optionId: 'o0', value: 1 },
      { optionId: 'o2', value: 1 },
    ];
    const lines = preferencesMarkdown([section(pollOf('multiple'), items)], 'en');

    expect(lines).toContain('| Паркове | 7 | 100% |');
    expect(lines).toContain('| Улици | 0 | 0% |');
    expect(lines).toContain('| Mladost | hidden | – | – | – |');
    expect(lines).toContain('| did not say | 7 | 7 | 0 | 7 |');
  });
});
