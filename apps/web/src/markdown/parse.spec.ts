import { describe, expect, it } from 'vitest';
import { type Block, maxNesting, parseBlocks, parseInline, safeHref } from './parse';

const comment = (source: string) => parseBlocks(source, { breaks: true });
const longText = (source: string) => parseBlocks(source, { breaks: false });

function depthOf(blocks: Block[]): number {
  return Math.max(
    0,
    ...blocks.map((block) => {
      if (block.kind === 'quote') return 1 + depthOf(block.children);
      if (block.kind === 'list') return 1 + Math.max(0, ...block.items.map(depthOf));

      return 0;
    }),
  );
}

describe('parseInline', () => {
  it('reads emphasis and strong emphasis with either marker', () => {
    expect(parseInline('*one* _two_ **three** __four__', false)).toEqual([
      { kind: 'em', children: [{ kind: 'text', text: 'one' }] },
      { kind: 'text', text: ' ' },
      { kind: 'em', children: [{ kind: 'text', text: 'two' }] },
      { kind: 'text', text: ' ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'three' }] },
      { kind: 'text', text: ' ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'four' }] },
    ]);
  });

  it('nests emphasis inside strong text', () => {
    expect(parseInline('**много _важно_**', false)).toEqual([
      {
        kind: 'strong',
        children: [
          { kind: 'text', text: 'много ' },
          { kind: 'em', children: [{ kind: 'text', text: 'важно' }] },
        ],
      },
    ]);
  });

  it.each([
    ['a lone star', '5 * 3 = 15'],
    ['a star before a space', '* not emphasis*'],
    ['a closing star after a space', '*not emphasis *'],
    ['underscores inside words', 'snake_case_name'],
    ['an unclosed marker', '**never closed'],
  ])('leaves %s as text', (_case, source) => {
    expect(parseInline(source, false)).toEqual([{ kind: 'text', text: source }]);
  });

  it('honours backslash escapes', () => {
    expect(parseInline('\\*literal\\* and \\[not a link\\]', false)).toEqual([
      { kind: 'text', text: '*literal* and [not a link]' },
    ]);
  });

  it('keeps code spans literal', () => {
    expect(parseInline('run `**npm** start` now', false)).toEqual([
      { kind: 'text', text: 'run ' },
      { kind: 'code', text: '**npm** start' },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('turns web and mail links into links with their text parsed', () => {
    expect(parseInline('[**бюджет** на София](https://www.sofia.bg/budget)', false)).toEqual([
      {
        kind: 'link',
        href: 'https://www.sofia.bg/budget',
        children: [
          { kind: 'strong', children: [{ kind: 'text', text: 'бюджет' }] },
          { kind: 'text', text: ' на София' },
        ],
      },
    ]);
    expect(parseInline('[пишете ни](mailto:budget@sofia.bg)', false)).toMatchObject([
      { kind: 'link', href: 'mailto:budget@sofia.bg' },
    ]);
  });

  it('keeps balanced parentheses inside a link target', () => {
    expect(
      parseInline('[PB](https://en.wikipedia.org/wiki/Budget_(participatory)).', false),
    ).toEqual([
      {
        kind: 'link',
        href: 'https://en.wikipedia.org/wiki/Budget_(participatory)',
        children: [{ kind: 'text', text: 'PB' }],
      },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never puts a link inside a link', () => {
    const nodes = parseInline('[outer [inner](https://a.test) text](https://b.test)', false);
    const links = nodes.filter((node) => node.kind === 'link');

    expect(links).toHaveLength(1);
    for (const link of links) {
      expect(JSON.stringify(link.children)).not.toContain('"link"');
    }
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//evil.test/path',
    '/relative/path',
  ])('leaves a link to %s as plain text', (href) => {
    const source = `[click](${href})`;
    const nodes = parseInline(source, false);

    expect(nodes.some((node) => node.kind === 'link')).toBe(false);
    expect(nodes.map((node) => (node.kind === 'text' ? node.text : '')).join('')).toContain(
      'click',
    );
  });

  it('makes single newlines breaks in comments and spaces in long texts', () => {
    expect(parseInline('първи\nвтори', true)).toEqual([
      { kind: 'text', text: 'първи' },
      { kind: 'break' },
      { kind: 'text', text: 'втори' },
    ]);
    expect(parseInline('първи\nвтори', false)).toEqual([{ kind: 'text', text: 'първи втори' }]);
  });

  it('keeps a hard break after two spaces or a backslash in long texts', () => {
    expect(parseInline('a  \nb\\\nc', false)).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'break' },
      { kind: 'text', text: 'b' },
      { kind: 'break' },
      { kind: 'text', text: 'c' },
    ]);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://sofia.bg', 'https://sofia.bg/'],
    ['  http://example.test/a?b=c#d  ', 'http://example.test/a?b=c#d'],
    ['HTTPS://SOFIA.BG/Път', 'https://sofia.bg/%D0%9F%D1%8A%D1%82'],
    ['mailto:someone@example.test', 'mailto:someone@example.test'],
  ])('accepts %s', (raw, expected) => {
    expect(safeHref(raw)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'https://', 'http://exa mple.test', 'ftp://example.test', ''])(
    'refuses %j',
    (raw) => {
      expect(safeHref(raw)).toBeNull();
    },
  );
});

describe('parseBlocks', () => {
  it('splits paragraphs on blank lines', () => {
    expect(longText('Първи абзац\nпродължава.\n\nВтори абзац.')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Първи абзац продължава.' }] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Втори абзац.' }] },
    ]);
  });

  it('reads headings of every level', () => {
    expect(longText('# Едно\n### Три ###\n###### Шест')).toEqual([
      { kind: 'heading', level: 1, children: [{ kind: 'text', text: 'Едно' }] },
      { kind: 'heading', level: 3, children: [{ kind: 'text', text: 'Три' }] },
      { kind: 'heading', level: 6, children: [{ kind: 'text', text: 'Шест' }] },
    ]);
  });

  it('reads bullet lists with any marker', () => {
    expect(comment('- паркове\n* улици\n+ училища')).toEqual([
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: ['паркове', 'улици', 'училища'].map((text) => [
          { kind: 'paragraph', children: [{ kind: 'text', text }] },
        ]),
      },
    ]);
  });

  it('reads numbered lists and keeps their first number', () => {
    const [list] = comment('3. трето\n4) четвърто');

    expect(list).toMatchObject({ kind: 'list', ordered: true, start: 3 });
    expect(list.kind === 'list' && list.items).toHaveLength(2);
  });

  it('nests an indented list inside an item', () => {
    const [list] = comment('- транспорт\n  - трамваи\n  - автобуси\n- паркове');

    expect(list).toMatchObject({
      kind: 'list',
      items: [
        [
          { kind: 'paragraph', children: [{ kind: 'text', text: 'транспорт' }] },
          { kind: 'list', ordered: false, items: [expect.any(Array), expect.any(Array)] },
        ],
        [{ kind: 'paragraph', children: [{ kind: 'text', text: 'паркове' }] }],
      ],
    });
  });

  it('nests by indentation, three levels deep, and continues an item on indented lines', () => {
    const blocks = longText('- a\n  - b\n    - c\n  още за b\n- d');

    expect(depthOf(blocks)).toBe(3);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].kind === 'list' && blocks[0].items).toHaveLength(2);
    expect(JSON.stringify(blocks)).toContain('още за b');
  });

  it('ends a bullet list where a numbered one starts', () => {
    expect(comment('- a\n1. b').map((block) => block.kind === 'list' && block.ordered)).toEqual([
      false,
      true,
    ]);
  });

  it('reads quotes, with blocks and nested quotes inside', () => {
    expect(comment('> Кметът каза:\n> - повече пейки\n>\n> > и сянка')).toEqual([
      {
        kind: 'quote',
        children: [
          { kind: 'paragraph', children: [{ kind: 'text', text: 'Кметът каза:' }] },
          {
            kind: 'list',
            ordered: false,
            start: 1,
            items: [[{ kind: 'paragraph', children: [{ kind: 'text', text: 'повече пейки' }] }]],
          },
          {
            kind: 'quote',
            children: [{ kind: 'paragraph', children: [{ kind: 'text', text: 'и сянка' }] }],
          },
        ],
      },
    ]);
  });

  it('treats Windows and old Mac line ends like Unix ones', () => {
    expect(comment('a\r\nb\rc')).toEqual(comment('a\nb\nc'));
  });

  it('keeps raw HTML as literal text', () => {
    expect(comment('<script>alert(1)</script>\n<img src=x onerror=alert(1)>')).toEqual([
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: '<script>alert(1)</script>' },
          { kind: 'break' },
          { kind: 'text', text: '<img src=x onerror=alert(1)>' },
        ],
      },
    ]);
  });

  it('stops nesting quotes and lists at a fixed depth and keeps the rest as text', () => {
    const quotes = comment(`${'>'.repeat(10_000)} дълбоко`);
    const lists = comment(`${'- '.repeat(10_000)}дълбоко`);

    expect(depthOf(quotes)).toBe(maxNesting);
    expect(depthOf(lists)).toBe(maxNesting);
    expect(JSON.stringify(quotes)).toContain('дълбоко');
    expect(JSON.stringify(lists)).toContain('дълбоко');
  });

  it.each([
    ['unclosed brackets', '['.repeat(100_000)],
    ['brackets before one link', `${'['.repeat(50_000)}](https://a.test)`],
    ['unclosed link targets', '[a]('.repeat(25_000)],
    ['unclosed parentheses in a target', `[a](https://a.test/${'('.repeat(100_000)}`],
    ['stars and letters', '*a'.repeat(50_000)],
    ['mixed markers', '*_[`'.repeat(25_000)],
    ['one line per word', 'дума\n'.repeat(20_000)],
    ['backslashes', '\\'.repeat(100_000)],
  ])('reads very long hostile input (%s) without losing its text', (_case, source) => {
    const blocks = comment(source);

    const text = JSON.stringify(blocks);
    expect(blocks.length).toBeGreaterThan(0);
    expect(text.length).toBeGreaterThan(source.length / 4);
  });
});
