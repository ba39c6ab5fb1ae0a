import { parseCommentsVotes, parseParticipantsVotes } from '@razgovor/opinions';
import { describe, expect, it } from 'vitest';
import { type Row, type TableSource, tableDefinitions } from '../tables';
import { polisStatementFiles, polisStatementReads } from './polis-statements';

/** A table whose rows come one per batch, so a voter's votes span several batches. */
function source(name: 'statements' | 'statement-votes' | 'opinion-map', rows: Row[]): TableSource {
  return {
    table: tableDefinitions[name],
    count: rows.length,
    batches: async function* () {
      for (const row of rows) yield [row];
    },
  };
}

const at = new Date('2026-12-01T10:00:00Z');
const statement = (id: string, author: string, state: string, text: string): Row => [
  id,
  at,
  'bg',
  text,
  state,
  0,
  0,
  0,
  author,
];
const vote = (statementId: string, voter: string, value: string): Row => [
  statementId,
  voter,
  value,
  at,
  at,
  null,
  null,
];

async function text(content: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const part of content) all += part;

  return all;
}

describe('statements in the Pol.is layout', () => {
  const sources = [
    source('statements', [
      statement('s-a', 'p-ana', 'published', 'Паркове, "зелени"'),
      statement('s-b', 'p-bob', 'published', 'Пейки'),
      statement('s-c', 'p-ana', 'rejected', 'Отхвърлено'),
    ]),
    source('statement-votes', [
      vote('s-a', 'p-ana', 'agree'),
      vote('s-b', 'p-ana', 'disagree'),
      vote('s-c', 'p-ana', 'agree'),
      vote('s-b', 'p-bob', 'agree'),
      vote('s-a', 'p-cem', 'pass'),
      vote('s-b', 'p-cem', 'disagree'),
    ]),
    source('opinion-map', [
      [1, 'p-ana', 0.5, 0.1, 0, null, null],
      [1, 'p-cem', -0.5, 0.2, null, null, null],
    ]),
  ];

  it('numbers statements and people the same in all three files', async () => {
    let reads = 0;
    const files = polisStatementFiles(sources, async (rows) => {
      reads += rows;
    });
    const contents = new Map<string, string>();
    for (const [name, content] of files) contents.set(name, await text(content));

    expect([...contents.keys()]).toEqual(['comments.csv', 'votes.csv', 'participants-votes.csv']);
    expect(contents.get('comments.csv')?.split('\r\n').slice(1, 4)).toEqual([
      `${at.getTime()},${at.toISOString()},0,0,0,0,1,"Паркове, ""зелени"""`,
      `${at.getTime()},${at.toISOString()},1,1,0,0,1,Пейки`,
      `${at.getTime()},${at.toISOString()},2,0,0,0,-1,Отхвърлено`,
    ]);
    expect(contents.get('participants-votes.csv')?.split('\r\n')).toEqual([
      'participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2',
      '0,0,2,3,2,1,1,-1,1',
      '1,,1,1,1,0,,1,',
      '2,,0,2,0,1,0,-1,',
      '',
    ]);
    const pairs = parseCommentsVotes(contents.get('comments.csv')!, contents.get('votes.csv')!, {
      includeModeratedOut: true,
    });
    const wide = parseParticipantsVotes(contents.get('participants-votes.csv')!);
    expect([...pairs.matrix.vote]).toEqual([...wide.matrix.vote]);
    expect(pairs.moderatedOut).toEqual(['2']);
    expect(wide.polisGroups).toEqual(['0', null, null]);
    expect(reads).toBe(polisStatementReads(sources));
  });

  it('writes nothing without statements or without their votes', () => {
    const noop = async () => undefined;

    expect(polisStatementFiles([sources[0]!], noop)).toEqual([]);
    expect(polisStatementFiles([source('statements', []), sources[1]!], noop)).toEqual([]);
    expect(polisStatementReads([sources[1]!])).toBe(0);
  });
});
