// The command lives in apps/cli, whose src folder the unit project does not collect; the command
// is pure (all I/O goes through ThemesIo), so its test runs here with the library's.
import { describe, expect, it } from 'vitest';
import type { ThemesIo, ThemesOutput } from '../../../../apps/cli/src/themes/themes-command';
import { runThemesCommand } from '../../../../apps/cli/src/themes/themes-command';
import { separatedCorpus } from '../testing/corpus';

function memoryIo(files: Record<string, string | Uint8Array>) {
  const written = new Map<string, string>();
  const errors: string[] = [];
  const stages = new Set<string>();
  const io: ThemesIo = {
    readFile: async (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);

      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    writeFile: async (path, text) => {
      written.set(path, text);
    },
    error: (message) => errors.push(message),
    progress: (stage) => stages.add(stage),
  };

  return { io, written, errors, stages };
}

function csvOf(texts: string[]): string {
  const lines = texts.map((text, i) => `${i},"${text.replaceAll('"', '""')}"`);

  return `id,comment\n${lines.join('\n')}\n`;
}

const texts = separatedCorpus(20).map((item) => item.text);

describe('runThemesCommand', () => {
  it('writes themes and one assignment per data row', async () => {
    const { io, written, stages } = memoryIo({ 'in.csv': csvOf(texts) });

    const code = await runThemesCommand(
      ['in.csv', '--text-column', 'comment', '--out', 'o.json'],
      io,
    );

    expect(code).toBe(0);
    const output = JSON.parse(written.get('o.json') ?? '') as ThemesOutput;
    expect(output.assignments).toHaveLength(texts.length);
    expect(output.assignments[5]).toMatchObject({ row: 5 });
    expect(output.themes[0]).toEqual(
      expect.objectContaining({ id: 0, label: expect.any(String), size: expect.any(Number) }),
    );
    expect(stages).toContain('clustering');
  });

  it('reads a BOM and quoted fields that span lines', async () => {
    const multiline = ['"park trees\nbenches shade grass"', ...texts.slice(1).map((t) => `"${t}"`)];
    const content = `\uFEFFcomment\n${multiline.join('\n')}\n`;
    const { io, written } = memoryIo({ 'in.csv': content });

    const code = await runThemesCommand(
      ['in.csv', '--text-column', 'comment', '--out', 'o.json'],
      io,
    );

    expect(code).toBe(0);
    const output = JSON.parse(written.get('o.json') ?? '') as ThemesOutput;
    expect(output.assignments).toHaveLength(texts.length);
  });

  it('honours --k with the other group counted among the k', async () => {
    const { io, written } = memoryIo({ 'in.csv': csvOf([...texts, 'zebra quantum violin']) });

    await runThemesCommand(
      ['in.csv', '--text-column', 'comment', '--k', '3', '--out', 'o.json'],
      io,
    );

    const output = JSON.parse(written.get('o.json') ?? '') as ThemesOutput;
    const hasOther = output.assignments.some((item) => item.theme === null);
    expect(output.themes.length + (hasOther ? 1 : 0)).toBe(3);
  });

  it('stops with a clear message when the column is missing', async () => {
    const { io, errors, written } = memoryIo({ 'in.csv': csvOf(texts) });

    const code = await runThemesCommand(['in.csv', '--text-column', 'text', '--out', 'o.json'], io);

    expect(code).not.toBe(0);
    expect(errors.join('\n')).toMatch(/Column "text" is not in in\.csv; columns: id, comment/);
    expect(written.size).toBe(0);
  });

  it('stops with a clear message when the file cannot be read', async () => {
    const { io, errors } = memoryIo({});

    const code = await runThemesCommand(['gone.csv', '--text-column', 'c', '--out', 'o.json'], io);

    expect(code).not.toBe(0);
    expect(errors.join('\n')).toMatch(/Cannot read gone\.csv: ENOENT/);
  });

  it.each([
    [['in.csv', '--out', 'o.json'], /--text-column is required/],
    [['in.csv', '--text-column', 'c'], /--out is required/],
    [['in.csv', '--text-column', 'c', '--out', 'o', '--lang', 'de'], /--lang must be/],
    [['in.csv', '--text-column', 'c', '--out', 'o', '--k', 'two'], /--k must be an integer/],
  ])('rejects a bad call %j', async (argv, message) => {
    const { io, errors } = memoryIo({ 'in.csv': csvOf(texts) });

    expect(await runThemesCommand(argv, io)).toBe(64);
    expect(errors.join('\n')).toMatch(message);
  });
});
