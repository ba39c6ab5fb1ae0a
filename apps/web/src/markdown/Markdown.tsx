import { createElement, Fragment, useMemo, type ReactNode } from 'react';
import { parseBlocks, type Block, type Inline } from './parse';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case 'text':
        return <Fragment key={index}>{node.text}</Fragment>;
      case 'break':
        return <br key={index} />;
      case 'code':
        return <code key={index}>{node.text}</code>;
      case 'em':
        return <em key={index}>{renderInline(node.children)}</em>;
      case 'strong':
        return <strong key={index}>{renderInline(node.children)}</strong>;
      case 'link':
        return (
          <a key={index} href={node.href} rel="noopener noreferrer nofollow" target="_blank">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

function renderBlocks(blocks: Block[], headingOffset: number): ReactNode[] {
  return blocks.map((block, index) => {
    switch (block.kind) {
      case 'paragraph':
        return <p key={index}>{renderInline(block.children)}</p>;
      case 'heading': {
        const level = Math.min(6, block.level + headingOffset);

        return createElement(`h${level}`, { key: index }, renderInline(block.children));
      }

      case 'quote':
        return <blockquote key={index}>{renderBlocks(block.children, headingOffset)}</blockquote>;
      case 'list': {
        const items = block.items.map((item, itemIndex) => (
          <li key={itemIndex}>{renderListItem(item, headingOffset)}</li>
        ));

        return block.ordered ? (
          <ol key={index} start={block.start === 1 ? undefined : block.start}>
            {items}
          </ol>
        ) : (
          <ul key={index}>{items}</ul>
        );
      }
    }
  });
}

// A tight list item holds one paragraph: render its text without a <p> around it.
function renderListItem(blocks: Block[], headingOffset: number): ReactNode {
  const [only] = blocks;
  if (blocks.length === 1 && only.kind === 'paragraph') return renderInline(only.children);

  return renderBlocks(blocks, headingOffset);
}

interface MarkdownProps {
  source: string;
  /** Comments keep the author's line breaks; long facilitator texts are hard-wrapped. */
  breaks?: boolean;
  /** The heading level that `#` maps to, so texts sit under the page's own headings. */
  topHeading?: number;
  className?: string;
}

export function Markdown({ source, breaks = false, topHeading = 2, className }: MarkdownProps) {
  const blocks = useMemo(() => parseBlocks(source, { breaks }), [source, breaks]);

  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      {renderBlocks(blocks, topHeading - 1)}
    </div>
  );
}
