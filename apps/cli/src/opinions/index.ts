import { readFile, writeFile } from 'node:fs/promises';
import { OPINION_GROUPS_USAGE, runOpinionGroupsCommand } from './opinion-groups-command';

export { OPINION_GROUPS_USAGE, runOpinionGroupsCommand } from './opinion-groups-command';
export type { OpinionGroupsIo, OpinionGroupsOutput } from './opinion-groups-command';

export const opinionGroupsCommand = {
  name: 'opinion-groups',
  summary: 'Find the opinion map and groups of a Pol.is export and write them as JSON',
  usage: OPINION_GROUPS_USAGE,
  run(argv: string[]): Promise<number> {
    return runOpinionGroupsCommand(argv, {
      readFile: (path) => readFile(path),
      writeFile: (path, text) => writeFile(path, text, 'utf8'),
      error: (message) => process.stderr.write(`${message}\n`),
    });
  },
};
