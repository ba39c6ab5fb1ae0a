// Runs the themes command without the CLI build, for benchmarks and trying it out:
// node scripts/bench/themes-run.mjs scripts/bench/themes-cli.ts FILE.csv \
//   --text-column NAME --out OUT
import { themesCommand } from '../../apps/cli/src/themes';

themesCommand.run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
