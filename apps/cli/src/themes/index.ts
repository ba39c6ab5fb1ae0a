import { SingleBar } from 'cli-progress';
import { readFile, writeFile } from 'node:fs/promises';
import type { ThemeStage } from '@razgovor/themes';
import type { ThemesIo } from './themes-command';
import { runThemesCommand, THEMES_USAGE } from './themes-command';

export { runThemesCommand, THEMES_USAGE } from './themes-command';
export type { ThemesIo, ThemesOutput } from './themes-command';

/** A progress bar on stderr that restarts for every stage of the run. */
function stderrProgress(): { report: ThemesIo['progress']; stop(): void } {
  const bar = new SingleBar({
    stream: process.stderr,
    format: '{stage} [{bar}] {percentage}% | {value}/{total}',
    hideCursor: true,
  });
  let current: ThemeStage | undefined;

  return {
    report(stage, done, total) {
      if (stage !== current) {
        if (current) bar.stop();
        bar.start(total, done, { stage: stage.padEnd(10) });
        current = stage;
      }

      bar.update(done, { stage: stage.padEnd(10) });
    },
    stop() {
      if (current) bar.stop();
    },
  };
}

export const themesCommand = {
  name: 'themes',
  summary: 'Find the themes of the comments in one column of a CSV file and write them as JSON',
  usage: THEMES_USAGE,
  async run(argv: string[]): Promise<number> {
    const progress = stderrProgress();
    try {
      return await runThemesCommand(argv, {
        readFile: (path) => readFile(path),
        writeFile: (path, text) => writeFile(path, text, 'utf8'),
        error: (message) => process.stderr.write(`${message}\n`),
        progress: progress.report,
      });
    } finally {
      progress.stop();
    }
  },
};
