import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unzip } from '../../../../../test/support/unzip';
import { csvField, csvRecord } from './csv';
import { columnLetters, escapeXml } from './xlsx';
import { ZipWriter } from './zip';

describe('CSV fields', () => {
  it.each([
    ['plain', 'Паркове', 'Паркове'],
    ['a comma', 'пейки, дървета', '"пейки, дървета"'],
    ['quotes', 'казах "да"', '"казах ""да"""'],
    ['a line break', 'ред\r\nред', '"ред\r\nред"'],
    ['an empty value', null, ''],
    ['a number', 12, '12'],
    ['a list', ['а', 'б'], 'а; б'],
  ] as const)('writes %s as RFC 4180 asks', (_case, value, expected) => {
    expect(csvField(value as never)).toBe(expected);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const column = { name: 'text', type: 'text', isNullable: false, description: '' } as const;

    expect(csvField('=1+1', column)).toBe("'=1+1");
    expect(csvField('@SUM(A1)', column)).toBe("'@SUM(A1)");
    expect(csvRecord(['a', 'b'])).toBe('a,b\r\n');
  });
});

describe('XLSX helpers', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('names column %i %s', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });

  it('escapes markup, keeps carriage returns and drops characters XML cannot hold', () => {
    expect(escapeXml('<a & "b">\r\n\u0001')).toBe('&lt;a &amp; &quot;b&quot;&gt;&#13;\n');
  });

  it('keeps plain text and whole surrogate pairs, and drops a lone surrogate', () => {
    expect(escapeXml('Паркове и пейки')).toBe('Паркове и пейки');
    expect(escapeXml('парк 🌳 & <пейка>')).toBe('парк 🌳 &amp; &lt;пейка&gt;');
    expect(escapeXml('a\uD800b\uFFFE')).toBe('ab');
  });
});

describe('the zip writer', () => {
  it('writes entries that another reader unpacks byte for byte', async () => {
    const parts: Buffer[] = [];
    const zip = new ZipWriter(async (chunk) => {
      parts.push(chunk);
    });
    const big = randomBytes(300_000);
    await zip.add('data/big.bin', [big.subarray(0, 100_000), big.subarray(100_000)]);
    await zip.add('бележка.txt', ['Здравей, ', 'свят']);
    await zip.finish();

    const files = await unzip(Buffer.concat(parts));
    expect([...files.keys()]).toEqual(['data/big.bin', 'бележка.txt']);
    expect(files.get('data/big.bin')?.equals(big)).toBe(true);
    expect(files.get('бележка.txt')?.toString('utf8')).toBe('Здравей, свят');
  });
});
