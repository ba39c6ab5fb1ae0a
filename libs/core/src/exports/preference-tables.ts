import type { ExportTable } from '@razgovor/contracts';
import type { Column, ColumnType, TableDefinition } from './tables';

/** The tables of polls, surveys, statements and the opinion map. */
export type PreferenceTable = Exclude<
  ExportTable,
  'comments' | 'themes' | 'tags' | 'summaries' | 'summary-responses' | 'moderation-ledger'
>;

const column = (
  name: string,
  type: ColumnType,
  description: string,
  isNullable = false,
): Column => ({ name, type, description, isNullable });

const district = (among: string) =>
  column(
    'district',
    'text',
    `Sofia district as the person stated it; empty when fewer than 5 ${among} share it ` +
      '(see "Small cells")',
    true,
  );
const ageBand = (among: string) =>
  column(
    'age_band',
    'text',
    `Age band; empty when fewer than 5 ${among} share district and age band`,
    true,
  );
const mapRun = column('map_run', 'integer', 'Number of the opinion map (see "Opinion map")');

export const preferenceTables: Record<PreferenceTable, TableDefinition> = {
  polls: {
    name: 'polls',
    description:
      'Every poll of the conversation, survey questions included, oldest first; answers are in ' +
      'poll-responses and poll-response-items',
    columns: [
      column('poll_id', 'text', 'Poll id'),
      column(
        'topic_id',
        'text',
        'Topic the poll belongs to; empty for the whole conversation',
        true,
      ),
      column('survey_id', 'text', 'Survey the poll is a question of; empty for a poll alone', true),
      column(
        'survey_run',
        'integer',
        'Run of that survey (1, 2, ...); empty for a poll alone',
        true,
      ),
      column(
        'position',
        'integer',
        'Place among the polls; in a survey the question number from 0, the same in every run',
      ),
      column(
        'kind',
        'text',
        'single (one choice), multiple (several choices), ranking, scale (1 disagree to 5 ' +
          'agree), budget (a sum spread over the options) or open (a written answer)',
      ),
      column('question_bg', 'text', 'The question in Bulgarian'),
      column('question_en', 'text', 'The question in English (may be empty)'),
      column('max_choices', 'integer', 'Multiple choice: most options one person may tick', true),
      column('budget_total', 'integer', 'Budget split: the sum to spread, in whole leva', true),
      column(
        'result_visibility',
        'text',
        'When citizens see the results: after-answer (once they answered) or after-close',
      ),
      column('opens_at', 'timestamp', 'When answering opens (UTC); empty when open at once', true),
      column('closes_at', 'timestamp', 'When answering is planned to close (UTC)', true),
      column('closed_at', 'timestamp', 'When a facilitator closed it by hand (UTC)', true),
      column('created_at', 'timestamp', 'When it was created (UTC)'),
      column('respondents', 'integer', 'People who answered'),
    ],
  },
  'poll-options': {
    name: 'poll-options',
    description: 'The options of each poll (choices, items to rank, budget lines), in their order',
    columns: [
      column('poll_id', 'text', 'Poll'),
      column('option_id', 'text', 'Option id'),
      column('position', 'integer', 'Place in the poll, from 0'),
      column('label_bg', 'text', 'Label in Bulgarian'),
      column('label_en', 'text', 'Label in English (may be empty)'),
    ],
  },
  'poll-responses': {
    name: 'poll-responses',
    description:
      'One row per person and poll: the answer as it stands (people may change it until the ' +
      'poll closes); the options it names are in poll-response-items',
    columns: [
      column('response_id', 'text', 'Response id; it stays when the person changes the answer'),
      column('poll_id', 'text', 'Poll answered'),
      column('author_id', 'text', 'Pseudonymous id of the person, as author_id in comments'),
      column('created_at', 'timestamp', 'When they first answered (UTC)'),
      column('updated_at', 'timestamp', 'When they last changed the answer (UTC)'),
      column('scale_value', 'integer', 'Scale: 1 (disagree) to 5 (agree); else empty', true),
      column('open_text', 'text', 'Open answer: what the person wrote; else empty', true),
      column('language', 'text', 'Open answer: detected language of the text', true),
      district('respondents of the poll'),
      ageBand('respondents of the poll'),
    ],
  },
  'poll-response-items': {
    name: 'poll-response-items',
    description:
      'The options each response names, one row per response and option, so answers can be ' +
      'counted per option',
    columns: [
      column('response_id', 'text', 'Response (see poll-responses)'),
      column('poll_id', 'text', 'Poll'),
      column('option_id', 'text', 'Option'),
      column(
        'value',
        'integer',
        '1 when chosen (single, multiple); the place given, 1 best (ranking); leva given ' +
          '(budget)',
      ),
    ],
  },
  surveys: {
    name: 'surveys',
    description:
      'Surveys: ordered sets of questions asked again in several runs (e.g. at the start and ' +
      'at the end); the questions are polls with the survey_id',
    columns: [
      column('survey_id', 'text', 'Survey id'),
      column('title_bg', 'text', 'Title in Bulgarian'),
      column('title_en', 'text', 'Title in English (may be empty)'),
      column('result_visibility', 'text', 'after-answer or after-close, as for polls'),
      column('run_count', 'integer', 'Runs so far'),
      column('created_at', 'timestamp', 'When it was created (UTC)'),
    ],
  },
  'survey-runs': {
    name: 'survey-runs',
    description: 'Each run of each survey, with how many people answered it',
    columns: [
      column('survey_id', 'text', 'Survey'),
      column('run', 'integer', 'Run number, 1 for the first'),
      column('question_count', 'integer', 'Questions in the run'),
      column('poll_ids', 'text-list', 'The run\u2019s questions (polls), in order'),
      column('started_at', 'timestamp', 'When the run was created (UTC)'),
      column('opens_at', 'timestamp', 'Earliest planned opening of its questions (UTC)', true),
      column(
        'closes_at',
        'timestamp',
        'When its last question closes or closed (UTC); empty while one has no end',
        true,
      ),
      column('respondents', 'integer', 'People who answered at least one of its questions'),
      column(
        'panel_respondents',
        'integer',
        'Of them, people who also answered the run before (the panel the shift is measured ' +
          'on); empty for run 1',
        true,
      ),
    ],
  },
  statements: {
    name: 'statements',
    description:
      'Short statements participants wrote for others to agree or disagree with, oldest first',
    columns: [
      column('statement_id', 'text', 'Statement id'),
      column('created_at', 'timestamp', 'When it was submitted (UTC)'),
      column('language', 'text', 'Detected language: bg, en or another ISO 639-1 code'),
      column('text', 'text', 'The statement as submitted'),
      column(
        'moderation_state',
        'text',
        'published, pending (waiting for review) or rejected; only published ones are voted on',
      ),
      column('agree_count', 'integer', 'People who agreed'),
      column('disagree_count', 'integer', 'People who disagreed'),
      column('pass_count', 'integer', 'People who passed (saw it and did not take a side)'),
      column('author_id', 'text', 'Pseudonymous id of the author, as author_id in comments'),
    ],
  },
  'statement-votes': {
    name: 'statement-votes',
    description:
      'Every vote on a statement as it stands, one per person and statement, a voter\u2019s ' +
      'votes together',
    columns: [
      column('statement_id', 'text', 'Statement'),
      column('voter_id', 'text', 'Pseudonymous id of the voter, as author_id in comments'),
      column('vote', 'text', 'agree, disagree or pass'),
      column('created_at', 'timestamp', 'When they first voted (UTC)'),
      column('updated_at', 'timestamp', 'When they last changed the vote (UTC)'),
      district('voters on statements'),
      ageBand('voters on statements'),
    ],
  },
  'opinion-map': {
    name: 'opinion-map',
    description:
      'The latest opinion map: each participant with enough votes placed on two axes drawn ' +
      'from the votes, and the opinion group they fall in',
    columns: [
      mapRun,
      column('participant_id', 'text', 'Pseudonymous id of the participant, as in comments'),
      column('x', 'number', 'Position on the first axis (people who vote alike lie close)'),
      column('y', 'number', 'Position on the second axis'),
      column('group_id', 'integer', 'Opinion group; empty when placed in none', true),
      district('voters on statements'),
      ageBand('voters on statements'),
    ],
  },
  'opinion-groups': {
    name: 'opinion-groups',
    description: 'The opinion groups of the latest map; a group keeps its id from map to map',
    columns: [
      mapRun,
      column('group_id', 'integer', 'Group id'),
      column('size', 'integer', 'Participants in the group'),
      column(
        'representative_statement_ids',
        'text-list',
        'Statements that set the group apart, strongest first (see opinion-statements)',
      ),
    ],
  },
  'opinion-statements': {
    name: 'opinion-statements',
    description:
      'The statement lists of the latest map: what each group stands for (representative), ' +
      'what every group agrees on (consensus) and where groups split (divisive)',
    columns: [
      mapRun,
      column('list', 'text', 'representative, consensus or divisive'),
      column('rank', 'integer', 'Place in its list, 1 the strongest'),
      column(
        'group_id',
        'integer',
        'representative: the group; divisive: the group the share is of; consensus: empty',
        true,
      ),
      column('statement_id', 'text', 'Statement'),
      column(
        'direction',
        'text',
        'agree or disagree: the side the share counts (always agree for divisive)',
      ),
      column(
        'share',
        'number',
        'representative: share of the group voting this way; consensus: the lowest share of ' +
          'any group voting this way; divisive: share of the group that agrees (0 to 1, ' +
          'smoothed: passes count as seen)',
      ),
    ],
  },
};
