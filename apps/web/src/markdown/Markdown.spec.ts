import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

type Props = Parameters<typeof Markdown>[0];

const render = (source: string, props: Omit<Props, 'source'> = {}) =>
  renderToStaticMarkup(createElement(Markdown, { source, ...props }));
const inner = (source: string, props: Omit<Props, 'source'> = {}) =>
  render(source, props).replace(/^<div class="markdown">|<\/div>$/g, '');

describe('Markdown', () => {
  it('renders emphasis, strong text and code', () => {
    expect(inner('*Да* и **не**, `код`')).toBe(
      '<p><em>Да</em> и <strong>не</strong>, <code>код</code></p>',
    );
  });

  it('renders tight list items without paragraphs and keeps a start number', () => {
    expect(inner('- едно\n- две')).toBe('<ul><li>едно</li><li>две</li></ul>');
    expect(inner('1. едно\n2. две')).toBe('<ol><li>едно</li><li>две</li></ol>');
    expect(inner('5. пето')).toBe('<ol start="5"><li>пето</li></ol>');
  });

  it('renders quotes', () => {
    expect(inner('> цитат\n> продължава', { breaks: true })).toBe(
      '<blockquote><p>цитат<br/>продължава</p></blockquote>',
    );
  });

  it('opens links in a new tab without handing over the page or ranking', () => {
    expect(inner('[Столична община](https://www.sofia.bg)')).toBe(
      '<p><a href="https://www.sofia.bg/" rel="noopener noreferrer nofollow" target="_blank">' +
        'Столична община</a></p>',
    );
  });

  it('maps headings below the heading level the page asks for', () => {
    expect(inner('# Заглавие', { topHeading: 3 })).toBe('<h3>Заглавие</h3>');
    expect(inner('###### Най-малко', { topHeading: 3 })).toBe('<h6>Най-малко</h6>');
  });

  it('adds the given class next to its own', () => {
    expect(render('текст', { className: 'comment__body' })).toMatch(
      /^<div class="markdown comment__body">/,
    );
  });

  it.each([
    ['a script element', '<script>alert(1)</script>'],
    ['an image with a handler', '<img src=x onerror="alert(1)">'],
    ['an iframe', '<iframe src="https://evil.test"></iframe>'],
    ['a link element', '<a href="javascript:alert(1)">x</a>'],
    ['markup in link text', '[<b onmouseover=alert(1)>x</b>](https://a.test)'],
  ])('shows %s as text, never as markup', (_case, source) => {
    const html = render(source);

    expect(html).not.toMatch(/<(script|img|iframe|b)[\s>]/);
    expect(html).not.toMatch(/<a [^>]*href="javascript/i);
    expect(html).toContain('&lt;');
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
  ])('never links %s', (source) => {
    const html = render(source);

    expect(html).not.toContain('<a');
    expect(html).toContain('[x](');
  });

  it('escapes quotes in a link target so it cannot leave the attribute', () => {
    const html = render('[x](https://a.test/"onmouseover="alert(1))');

    expect(html).not.toMatch(/"\s*onmouseover=/);
    expect(html).toMatch(/<a href="https:\/\/a\.test\/%22onmouseover=%22alert\(1\)"/);
  });

  it('renders ten thousand nested quote markers without running out of stack', () => {
    const html = render(`${'>'.repeat(10_000)} дълбоко`);

    expect(html.match(/<blockquote>/g)).toHaveLength(8);
    expect(html).toContain('дълбоко');
  });

  it('renders the longest accepted text in one go', () => {
    const paragraph = 'Паркът има нужда от **сянка**, [пейки](https://a.test) и _вода_. ';
    const source = `${paragraph.repeat(Math.ceil(100_000 / paragraph.length))}\n\n`.repeat(1);
    const html = render(source);

    expect(html.match(/<strong>/g)).toHaveLength(Math.ceil(100_000 / paragraph.length));
  });
});
