import { describe, expect, it } from 'vitest';
import { voteCount, type VoteMatrix } from '../vote-matrix';
import { parseCommentsVotes } from './comments-votes';
import { parseParticipantsVotes } from './participants-votes';
import { PolisImportError } from './polis-import-error';

/** Votes as "participant/statement:vote" strings, for compact expectations. */
function votesOf(matrix: VoteMatrix): string[] {
  const votes: string[] = [];
  matrix.participants.forEach((participant, p) => {
    for (let j = matrix.rowStart[p]; j < matrix.rowStart[p + 1]; j++) {
      votes.push(`${participant}/${matrix.statements[matrix.statementIndex[j]]}:${matrix.vote[j]}`);
    }
  });

  return votes;
}

function importError(run: () => unknown): PolisImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof PolisImportError) return error;
    throw error;
  }

  throw new Error('Expected a PolisImportError');
}

const participantsVotes = [
  'participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,3',
  '0,0,1,3,1,1,1,-1,0',
  '1,,0,1,0,1,,-1,',
  '5,1,0,2,2,0,1,,1',
].join('\n');

describe('parseParticipantsVotes', () => {
  it('reads one column per comment, with passes, missing votes and Pol.is groups', () => {
    const { matrix, polisGroups } = parseParticipantsVotes(participantsVotes);

    expect(matrix.participants).toEqual(['0', '1', '5']);
    expect(matrix.statements).toEqual(['0', '1', '3']);
    expect(polisGroups).toEqual(['0', null, '1']);
    expect(votesOf(matrix)).toEqual(['0/0:1', '0/1:-1', '0/3:0', '1/1:-1', '5/0:1', '5/3:1']);
  });

  it('reads bytes with a byte-order mark', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${participantsVotes}`);

    expect(parseParticipantsVotes(bytes).matrix.participants).toEqual(['0', '1', '5']);
  });

  it('refuses a file without a participant column', () => {
    const error = importError(() => parseParticipantsVotes('voter,0\n1,1\n'));

    expect(error.code).toBe('missing-column');
    expect(error.message).toContain('"participant"');
  });

  it('refuses a vote that is not 1, -1, 0 or empty, naming where it is', () => {
    const error = importError(() => parseParticipantsVotes('participant,0,1\n7,1,yes\n'));

    expect(error.code).toBe('malformed-vote');
    expect(error.message).toContain('line 2, comment 1');
  });

  it('refuses rows of the wrong length as malformed CSV', () => {
    expect(importError(() => parseParticipantsVotes('participant,0,1\n7,1\n')).code).toBe(
      'malformed-csv',
    );
  });

  it('refuses a participant listed twice', () => {
    const error = importError(() => parseParticipantsVotes('participant,0\n7,1\n7,-1\n'));

    expect(error.code).toBe('duplicate-participant');
  });
});

const comments = [
  'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body',
  '3,x,10,1,0,0,1,"More benches, please"',
  '1,x,2,1,0,0,0,Plant trees',
  '2,x,4,2,0,0,-1,Spam',
].join('\n');

const votes = [
  'timestamp,datetime,comment-id,voter-id,vote',
  '500,x,2,8,1',
  '100,x,2,8,-1',
  '200,x,10,8,0',
  '300,x,4,3,1',
  '400,x,10,3,-1',
  '600,x,10,3,1',
].join('\n');

describe('parseCommentsVotes', () => {
  it('keeps the latest vote by timestamp, whatever the file order, and passes', () => {
    const { matrix } = parseCommentsVotes(comments, votes);

    expect(matrix.statements).toEqual(['2', '10']);
    expect(matrix.participants).toEqual(['3', '8']);
    expect(votesOf(matrix)).toEqual(['3/10:1', '8/2:1', '8/10:0']);
  });

  it('leaves moderated-out comments out unless asked to keep them', () => {
    const dropped = parseCommentsVotes(comments, votes);
    const kept = parseCommentsVotes(comments, votes, { includeModeratedOut: true });

    expect(dropped.moderatedOut).toEqual(['4']);
    expect(kept.matrix.statements).toEqual(['2', '4', '10']);
    expect(voteCount(kept.matrix, 0)).toBe(2);
  });

  it('refuses a vote on a comment that comments.csv does not list', () => {
    const error = importError(() => parseCommentsVotes(comments, `${votes}\n700,x,99,3,1`));

    expect(error.code).toBe('unknown-statement');
    expect(error.message).toContain('"99"');
  });

  it('refuses a vote file without a vote column', () => {
    const error = importError(() => parseCommentsVotes(comments, 'comment-id,voter-id\n2,8\n'));

    expect(error.code).toBe('missing-column');
  });

  it('refuses a vote that is not 1, -1 or 0', () => {
    const error = importError(() => parseCommentsVotes(comments, `${votes}\n700,x,2,3,2`));

    expect(error.code).toBe('malformed-vote');
    expect(error.message).toContain('line 8');
  });
});
