// Where the labelled sets of ../shared/data live (not part of the repository): `--data DIR`, or
// the shared folder beside the checkout; a worktree one level deeper looks one level further up.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const repositoryRoot = path.resolve(__dirname, '../..');

export function dataDirectory(): string {
  const argument = process.argv.indexOf('--data');
  if (argument >= 0) return path.resolve(process.argv[argument + 1]);

  const candidates = [
    path.resolve(repositoryRoot, '../shared/data'),
    path.resolve(repositoryRoot, '../../shared/data'),
  ];

  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
}
