import { parseArgs } from 'node:util';
import {
  findOpinionGroups,
  parseCommentsVotes,
  parseParticipantsVotes,
  PolisImportError,
  type OpinionResult,
  type VoteMatrix,
} from '@razgovor/opinions';

export const OPINION_GROUPS_USAGE =
  'opinion-groups FILE.csv --out OUT.json [--seed N] [--votes VOTES.csv]';

/** Exit codes from sysexits.h, so scripts can tell a bad call from a bad file. */
export const EXIT = { ok: 0, usage: 64, data: 65, noInput: 66, cannotWrite: 73 } as const;

/** Everything the command touches outside itself, so tests can run it without files. */
export interface OpinionGroupsIo {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  error(message: string): void;
}

/** Ids are numbers when every id in the file is an integer (as in Pol.is exports). */
type Id = string | number;

export interface OpinionGroupsOutput {
  groups: Array<{
    id: number;
    size: number;
    centroid: number[];
    representative: Array<{
      statement: Id;
      direction: 'agree' | 'disagree';
      probability: number;
      ratio: number;
      probabilityZ: number;
      ratioZ: number;
    }>;
  }>;
  assignments: Array<{ participant: Id; group: number | null }>;
  consensus: Array<{ statement: Id; direction: 'agree' | 'disagree'; score: number }>;
  divisive: Array<{ statement: Id; spread: number; agree: number[] }>;
  map: Array<{ participant: Id; x: number; y: number }>;
  placed: number;
  silhouette: number;
}

interface OpinionGroupsArgs {
  file: string;
  out: string;
  votes?: string;
  seed: number;
}

class ArgumentError extends Error {}

function readArgs(argv: string[]): OpinionGroupsArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      votes: { type: 'string' },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new ArgumentError('Give exactly one CSV file');
  if (!values.out) throw new ArgumentError('--out is required');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) {
    throw new ArgumentError(`--seed must be a non-negative integer, got "${values.seed}"`);
  }

  return { file, out: values.out, votes: values.votes, seed };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

function idMaker(ids: readonly string[]): (id: string) => Id {
  const numeric = ids.every((id) => /^\d+$/u.test(id));

  return (id) => (numeric ? Number(id) : id);
}

export function toOutput(matrix: VoteMatrix, result: OpinionResult): OpinionGroupsOutput {
  const participant = idMaker(matrix.participants);
  const statement = idMaker(matrix.statements);
  const map: OpinionGroupsOutput['map'] = [];
  result.map.forEach((point, p) => {
    if (point)
      map.push({
        participant: participant(matrix.participants[p]),
        x: round(point[0]),
        y: round(point[1]),
      });
  });

  return {
    groups: result.groups.map((group) => ({
      id: group.id,
      size: group.size,
      centroid: group.centroid.map(round),
      representative: group.representative.map((item) => ({
        statement: statement(item.statement),
        direction: item.direction,
        probability: round(item.probability),
        ratio: round(item.ratio),
        probabilityZ: round(item.probabilityZ),
        ratioZ: round(item.ratioZ),
      })),
    })),
    assignments: result.assignments.map((group, p) => ({
      participant: participant(matrix.participants[p]),
      group,
    })),
    consensus: result.consensus.map((item) => ({
      statement: statement(item.statement),
      direction: item.direction,
      score: round(item.score),
    })),
    divisive: result.divisive.map((item) => ({
      statement: statement(item.statement),
      spread: round(item.spread),
      agree: item.agree.map(round),
    })),
    map,
    placed: result.placed,
    silhouette: round(result.silhouette),
  };
}

async function readMatrix(args: OpinionGroupsArgs, io: OpinionGroupsIo): Promise<VoteMatrix> {
  const file = await io.readFile(args.file);
  if (!args.votes) return parseParticipantsVotes(file).matrix;
  const votes = await io.readFile(args.votes);

  return parseCommentsVotes(file, votes).matrix;
}

/**
 * `npm run cli -- opinion-groups ...`: the opinion map and groups of a Pol.is export, either
 * participants-votes.csv alone or comments.csv with --votes votes.csv.
 */
export async function runOpinionGroupsCommand(
  argv: string[],
  io: OpinionGroupsIo,
): Promise<number> {
  let args: OpinionGroupsArgs;
  try {
    args = readArgs(argv);
  } catch (error) {
    io.error(`${describe(error)}\nUsage: npm run cli -- ${OPINION_GROUPS_USAGE}`);

    return EXIT.usage;
  }

  let matrix: VoteMatrix;
  try {
    matrix = await readMatrix(args, io);
  } catch (error) {
    if (error instanceof PolisImportError) {
      io.error(`Cannot import the Pol.is export (${error.code}): ${error.message}`);

      return EXIT.data;
    }

    io.error(`Cannot read the input: ${describe(error)}`);

    return EXIT.noInput;
  }

  const result = findOpinionGroups(matrix, { seed: args.seed });
  const output = toOutput(matrix, result);

  try {
    await io.writeFile(args.out, `${JSON.stringify(output, null, 2)}\n`);
  } catch (error) {
    io.error(`Cannot write ${args.out}: ${describe(error)}`);

    return EXIT.cannotWrite;
  }

  return EXIT.ok;
}
