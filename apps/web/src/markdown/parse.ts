/**
 * A small Markdown subset parsed into plain data, so rendering never goes through HTML strings:
 * paragraphs, headings, quotes, lists, emphasis, strong, code spans, links and line breaks.
 * Anything else, raw HTML included, stays literal text.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'code'; text: string }
  | { kind: 'em' | 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'quote'; children: Block[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] };

export interface ParseOptions {
  /** Single newlines become line breaks (comments); otherwise they are spaces (long texts). */
  breaks: boolean;
}

/**
 * Quotes and lists nested deeper than this stay literal text: hostile input such as a line of
 * ten thousand `>` must neither exhaust the stack nor build a tree a browser cannot lay out.
 */
export const maxNesting = 8;

const listItem = /^(\s{0,3})([-*+]|\d{1,9}[.)])\s+(.*)$/;
const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const quote = /^\s{0,3}>\s?(.*)$/;

/** Only these schemes may become links; `javascript:` and friends stay text. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return null;
  try {
    const url = new URL(href);

    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function findClosing(source: string, from: number, marker: string): number {
  let index = source.indexOf(marker, from);
  while (index !== -1 && source[index - 1] === '\\') index = source.indexOf(marker, index + 1);

  return index;
}

function pushText(out: Inline[], text: string): void {
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}

const maxHrefLength = 2000;

/** The `)` that closes a link target, allowing balanced parentheses inside it (Wikipedia). */
function findTargetEnd(source: string, from: number): number {
  const last = Math.min(source.length, from + maxHrefLength);
  let depth = 0;
  for (let index = from; index < last; index++) {
    const char = source[index];
    if (char === '\n' || char === ' ') return -1;
    if (char === '(') depth++;
    if (char === ')' && depth-- === 0) return index;
  }

  return -1;
}

function parseLink(source: string, at: number): { node: Inline; end: number } | null {
  const close = findClosing(source, at + 1, '](');
  if (close === -1) return null;
  const end = findTargetEnd(source, close + 2);
  if (end === -1) return null;
  const href = safeHref(source.slice(close + 2, end));
  if (!href) return null;

  return {
    node: { kind: 'link', href, children: parseInline(source.slice(at + 1, close), false) },
    end: end + 1,
  };
}

function parseDelimited(source: string, at: number): { node: Inline; end: number } | null {
  const isStrong = source.startsWith('**', at) || source.startsWith('__', at);
  const marker = isStrong ? source.slice(at, at + 2) : source[at];
  const start = at + marker.length;
  if (/\s/.test(source[start] ?? ' ')) return null;
  const close = findClosing(source, start, marker);
  if (close <= start || /\s/.test(source[close - 1])) return null;
  // Underscores inside words (snake_case) are not emphasis.
  if (marker[0] === '_' && /\w/.test(source[close + marker.length] ?? '')) return null;

  const children = parseInline(source.slice(start, close), false);

  return { node: { kind: isStrong ? 'strong' : 'em', children }, end: close + marker.length };
}

export function parseInline(source: string, breaks: boolean): Inline[] {
  const out: Inline[] = [];
  let index = 0;

  while (index < source.length) {
    const char = source[index];
    if (
      char === '\\' &&
      index + 1 < source.length &&
      /[\\`*_[\]()#>+\-.!]/.test(source[index + 1])
    ) {
      pushText(out, source[index + 1]);
      index += 2;
      continue;
    }

    if (char === '\n') {
      // Two trailing spaces or a backslash end a line hard, as in CommonMark.
      const isHard =
        breaks ||
        source[index - 1] === '\\' ||
        (source[index - 1] === ' ' && source[index - 2] === ' ');
      if (isHard) out.push({ kind: 'break' });
      else pushText(out, ' ');
      index++;
      continue;
    }

    const parsed =
      char === '`'
        ? parseCode(source, index)
        : char === '['
          ? parseLink(source, index)
          : char === '*' || char === '_'
            ? parseDelimited(source, index)
            : null;
    if (parsed) {
      out.push(parsed.node);
      index = parsed.end;
    } else {
      pushText(out, char);
      index++;
    }
  }

  return trimBreakSpaces(out);
}

function parseCode(source: string, at: number): { node: Inline; end: number } | null {
  const close = source.indexOf('`', at + 1);
  if (close === -1) return null;

  return { node: { kind: 'code', text: source.slice(at + 1, close) }, end: close + 1 };
}

function trimBreakSpaces(nodes: Inline[]): Inline[] {
  return nodes.map((node, index) =>
    node.kind === 'text' && nodes[index + 1]?.kind === 'break'
      ? { kind: 'text', text: node.text.replace(/( +|\\)$/, '') }
      : node,
  );
}

function isBlockStart(line: string, canNest: boolean): boolean {
  return heading.test(line) || (canNest && (listItem.test(line) || quote.test(line)));
}

/** Removes at most `count` leading spaces or tabs, so nested blocks keep their own indent. */
function outdent(line: string, count: number): string {
  let index = 0;
  while (index < count && (line[index] === ' ' || line[index] === '\t')) index++;

  return line.slice(index);
}

function collectList(lines: string[], start: number, options: ParseOptions, depth: number) {
  const first = listItem.exec(lines[start]);
  const ordered = first ? /\d/.test(first[2]) : false;
  const baseIndent = first?.[1].length ?? 0;
  const items: string[][] = [];
  let contentIndent = baseIndent + 2;
  let index = start;

  while (index < lines.length) {
    const line = lines[index];
    const match = listItem.exec(line);
    // An item indented at least two more than the list's first is nested inside the current one.
    const isSibling = match !== null && match[1].length < baseIndent + 2;
    if (isSibling && /\d/.test(match[2]) === ordered) {
      items.push([match[3]]);
      contentIndent = match[1].length + match[2].length + 1;
    } else if (!isSibling && line.trim() !== '' && /^\s+/.test(line) && items.length > 0) {
      items[items.length - 1].push(outdent(line, contentIndent));
    } else if (line.trim() === '' && /^\s+\S/.test(lines[index + 1] ?? '') && items.length > 0) {
      items[items.length - 1].push('');
    } else {
      break;
    }

    index++;
  }

  const block: Block = {
    kind: 'list',
    ordered,
    start: ordered && first ? parseInt(first[2], 10) : 1,
    items: items.map((item) => parseBlocks(item.join('\n'), options, depth + 1)),
  };

  return { block, next: index };
}

export function parseBlocks(source: string, options: ParseOptions, depth = 0): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const canNest = depth < maxNesting;
  let index = 0;

  while (index < lines.length) {
    const line = lines[index];
    if (line.trim() === '') {
      index++;
      continue;
    }

    const headingMatch = heading.exec(line);
    if (headingMatch) {
      const children = parseInline(headingMatch[2], false);
      blocks.push({ kind: 'heading', level: headingMatch[1].length, children });
      index++;
      continue;
    }

    if (canNest && quote.test(line)) {
      const inner: string[] = [];
      while (index < lines.length && quote.test(lines[index])) {
        inner.push(quote.exec(lines[index])?.[1] ?? '');
        index++;
      }

      blocks.push({ kind: 'quote', children: parseBlocks(inner.join('\n'), options, depth + 1) });
      continue;
    }

    if (canNest && listItem.test(line)) {
      const { block, next } = collectList(lines, index, options, depth);
      blocks.push(block);
      index = next;
      continue;
    }

    const paragraph: string[] = [line];
    index++;
    while (
      index < lines.length &&
      lines[index].trim() !== '' &&
      !isBlockStart(lines[index], canNest)
    ) {
      paragraph.push(lines[index]);
      index++;
    }

    blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n'), options.breaks) });
  }

  return blocks;
}
