// The command lives in apps/cli, whose src folder the unit project does not collect; the command
// is pure (all I/O goes through OpinionGroupsIo), so its test runs here with the library's.
import { describe, expect, it } from 'vitest';
import type {
  OpinionGroupsIo,
  OpinionGroupsOutput,
} from '../../../../apps/cli/src/opinions/opinion-groups-command';
import { runOpinionGroupsCommand } from '../../../../apps/cli/src/opinions/opinion-groups-command';
import { plantedVotes } from '../testing/planted';

function memoryIo(files: Record<string, string>) {
  const written = new Map<string, string>();
  const errors: string[] = [];
  const io: OpinionGroupsIo = {
    readFile: async (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);

      return new TextEncoder().encode(content);
    },
    writeFile: async (path, text) => {
      if (path.startsWith('/read-only/')) throw new Error('EACCES: permission denied');
      written.set(path, text);
    },
    error: (message) => errors.push(message),
  };

  return { io, written, errors };
}

/** A participants-votes.csv of two planted camps, plus one participant with three votes. */
function participantsVotesCsv(): string {
  const { matrix } = plantedVotes({
    groups: [20, 20],
    statements: 12,
    density: 1,
    noise: 0,
    seed: 1,
  });
  const header = ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree'];
  const lines = [[...header, ...matrix.statements.map((_, s) => String(s))].join(',')];
  matrix.participants.forEach((_, p) => {
    const cells = new Array<string>(matrix.statements.length).fill('');
    for (let j = matrix.rowStart[p]; j < matrix.rowStart[p + 1]; j++) {
      cells[matrix.statementIndex[j]] = String(matrix.vote[j]);
    }

    lines.push([p, '', 0, 12, 0, 0, ...cells].join(','));
  });
  lines.push([40, '', 0, 3, 0, 0, '1', '1', '-1', ...new Array<string>(9).fill('')].join(','));

  return `${lines.join('\n')}\n`;
}

describe('opinion-groups command', () => {
  it('writes groups, an assignment per participant, statements and the map', async () => {
    const { io, written, errors } = memoryIo({ 'pv.csv': participantsVotesCsv() });

    const code = await runOpinionGroupsCommand(['pv.csv', '--out', 'out.json'], io);

    expect([code, errors]).toEqual([0, []]);
    const output = JSON.parse(written.get('out.json') ?? '{}') as OpinionGroupsOutput;
    expect(output.groups.map((group) => group.size)).toEqual([20, 20]);
    expect(output.assignments).toHaveLength(41);
    expect(output.assignments[40]).toEqual({ participant: 40, group: null });
    expect(output.assignments[0].group).not.toBe(output.assignments[20].group);
    expect(output.map).toHaveLength(40);
    expect(output.divisive.length).toBeGreaterThan(0);
    expect(output.groups[0].representative[0]).toMatchObject({ direction: expect.any(String) });
  });

  it('reads comments.csv with --votes', async () => {
    const comments = 'comment-id,moderated,comment-body\n0,1,a\n1,1,b\n';
    const votes = 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,5,1\n2,x,1,5,-1\n';
    const { io, written } = memoryIo({ 'c.csv': comments, 'v.csv': votes });

    const code = await runOpinionGroupsCommand(
      ['c.csv', '--votes', 'v.csv', '--out', 'o.json'],
      io,
    );

    expect(code).toBe(0);
    const output = JSON.parse(written.get('o.json') ?? '{}') as OpinionGroupsOutput;
    expect(output.assignments).toEqual([{ participant: 5, group: 0 }]);
  });

  it.each([
    { argv: ['pv.csv'], code: 64, message: '--out is required' },
    { argv: ['--out', 'o.json'], code: 64, message: 'exactly one CSV file' },
    { argv: ['pv.csv', '--out', 'o.json', '--seed', 'x'], code: 64, message: '--seed' },
    { argv: ['missing.csv', '--out', 'o.json'], code: 66, message: 'ENOENT' },
    { argv: ['bad.csv', '--out', 'o.json'], code: 65, message: '(missing-column)' },
    { argv: ['vote.csv', '--out', 'o.json'], code: 65, message: '(malformed-vote)' },
    { argv: ['pv.csv', '--out', '/read-only/o.json'], code: 73, message: 'Cannot write' },
  ])('exits $code for $argv', async ({ argv, code, message }) => {
    const { io, errors } = memoryIo({
      'pv.csv': participantsVotesCsv(),
      'bad.csv': 'voter,0\n1,1\n',
      'vote.csv': 'participant,0\n1,agree\n',
    });

    expect(await runOpinionGroupsCommand(argv, io)).toBe(code);
    expect(errors.join('\n')).toContain(message);
  });
});
