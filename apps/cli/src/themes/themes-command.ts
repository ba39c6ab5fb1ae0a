import { parse } from 'csv-parse/sync';
import { parseArgs } from 'node:util';
import type { LanguageOption, ThemeStage } from '@razgovor/themes';
import { findThemes } from '@razgovor/themes';

export const THEMES_USAGE =
  'themes FILE.csv --text-column NAME [--k N] [--lang auto|bg|en] [--seed N] --out OUT.json';

/** Exit codes from sysexits.h, so scripts can tell a bad call from a bad file. */
export const EXIT = { ok: 0, usage: 64, data: 65, noInput: 66, cannotWrite: 73 } as const;

/** Everything the command touches outside itself, so tests can run it without files. */
export interface ThemesIo {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  error(message: string): void;
  progress(stage: ThemeStage, done: number, total: number): void;
}

export interface ThemesOutput {
  themes: Array<{
    id: number;
    label: string;
    terms: string[];
    size: number;
    representatives: number[];
  }>;
  assignments: Array<{ row: number; theme: number | null; confidence: number }>;
}

interface ThemesArgs {
  file: string;
  textColumn: string;
  out: string;
  k?: number;
  language: LanguageOption;
  seed: number;
}

class ArgumentError extends Error {}

function parseInteger(
  value: string | undefined,
  name: string,
  minimum: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) {
    throw new ArgumentError(`--${name} must be an integer of at least ${minimum}, got "${value}"`);
  }

  return number;
}

function readArgs(argv: string[]): ThemesArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'text-column': { type: 'string' },
      out: { type: 'string' },
      k: { type: 'string' },
      lang: { type: 'string', default: 'auto' },
      seed: { type: 'string', default: '1' },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new ArgumentError('Give exactly one CSV file');
  if (!values['text-column']) throw new ArgumentError('--text-column is required');
  if (!values.out) throw new ArgumentError('--out is required');
  const language = values.lang;
  if (language !== 'auto' && language !== 'bg' && language !== 'en') {
    throw new ArgumentError(`--lang must be auto, bg or en, got "${language}"`);
  }

  return {
    file,
    textColumn: values['text-column'],
    out: values.out,
    k: parseInteger(values.k, 'k', 1),
    language,
    seed: parseInteger(values.seed, 'seed', 0) ?? 1,
  };
}

function readRows(content: Uint8Array): Array<Record<string, string>> {
  return parse(Buffer.from(content), {
    bom: true,
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Array<Record<string, string>>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `npm run cli -- themes ...`: finds the themes of one column of a CSV file. */
export async function runThemesCommand(argv: string[], io: ThemesIo): Promise<number> {
  let args: ThemesArgs;
  try {
    args = readArgs(argv);
  } catch (error) {
    io.error(`${describe(error)}\nUsage: npm run cli -- ${THEMES_USAGE}`);

    return EXIT.usage;
  }

  let content: Uint8Array;
  try {
    content = await io.readFile(args.file);
  } catch (error) {
    io.error(`Cannot read ${args.file}: ${describe(error)}`);

    return EXIT.noInput;
  }

  let rows: Array<Record<string, string>>;
  try {
    rows = readRows(content);
  } catch (error) {
    io.error(`Cannot parse ${args.file} as CSV: ${describe(error)}`);

    return EXIT.data;
  }

  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  if (!header.includes(args.textColumn)) {
    const known = header.length > 0 ? header.join(', ') : 'none (the file has no data rows)';
    io.error(`Column "${args.textColumn}" is not in ${args.file}; columns: ${known}`);

    return EXIT.data;
  }

  const result = findThemes(
    rows.map((row) => row[args.textColumn] ?? ''),
    { k: args.k, language: args.language, seed: args.seed, onProgress: io.progress },
  );
  const output: ThemesOutput = {
    themes: result.themes.map(({ id, label, terms, size, representatives }) => ({
      id,
      label,
      terms,
      size,
      representatives,
    })),
    assignments: result.assignments.map((item, row) => ({
      row,
      theme: item.theme,
      confidence: Math.round(item.confidence * 10_000) / 10_000,
    })),
  };

  try {
    await io.writeFile(args.out, `${JSON.stringify(output, null, 2)}\n`);
  } catch (error) {
    io.error(`Cannot write ${args.out}: ${describe(error)}`);

    return EXIT.cannotWrite;
  }

  return EXIT.ok;
}
