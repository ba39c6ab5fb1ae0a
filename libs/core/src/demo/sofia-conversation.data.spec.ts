import { ageBands, districts, genders } from '@razgovor/contracts';
import { detectLanguage, isLatinBulgarian } from '@razgovor/text';
import { describe, expect, it } from 'vitest';
import type { DemoComment } from './demo-conversation.types';
import { sofiaConversation } from './sofia-conversation.data';

const { personas, conversation } = sofiaConversation;

interface Entry {
  topic: string;
  comment: DemoComment;
  parent?: DemoComment;
}

function flatten(): Entry[] {
  const entries: Entry[] = [];
  const walk = (topic: string, comment: DemoComment, parent?: DemoComment): void => {
    entries.push({ topic, comment, parent });
    for (const reply of comment.replies ?? []) walk(topic, reply, comment);
  };

  for (const topic of conversation.topics) {
    for (const comment of topic.comments) walk(topic.slug, comment);
  }

  return entries;
}

const entries = flatten();
const hasCyrillic = (text: string): boolean => /[\u0400-\u04ff]/u.test(text);

describe('sofia demo conversation', () => {
  it('has 40-60 personas with valid profile ids and unique names', () => {
    expect(personas.length).toBeGreaterThanOrEqual(40);
    expect(personas.length).toBeLessThanOrEqual(60);
    expect(personas[0].displayName).toContain('фасилитатор');
    expect(new Set(personas.map((persona) => persona.displayName)).size).toBe(personas.length);
    for (const persona of personas) {
      expect(districts).toContain(persona.district);
      expect(ageBands).toContain(persona.ageBand);
      expect(genders).toContain(persona.gender);
    }
  });

  it('has 5-7 topics with unique slugs, bilingual texts and comments in each', () => {
    const topics = conversation.topics;
    expect(topics.length).toBeGreaterThanOrEqual(5);
    expect(topics.length).toBeLessThanOrEqual(7);
    expect(new Set(topics.map((topic) => topic.slug)).size).toBe(topics.length);
    for (const topic of topics) {
      const texts = [topic.title, topic.description, ...(topic.summary ? [topic.summary] : [])];
      for (const text of texts) {
        expect(text.bg.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }

      expect(entries.filter((entry) => entry.topic === topic.slug).length).toBeGreaterThan(20);
    }

    expect(topics.filter((topic) => topic.summary).length).toBeGreaterThanOrEqual(2);
    for (const text of [conversation.title, conversation.description, conversation.background]) {
      expect(text.bg.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
    }
  });

  it('has at least 300 comments with valid authors, times and reaction counts', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    for (const { comment } of entries) {
      expect(Number.isInteger(comment.author)).toBe(true);
      expect(personas[comment.author]).toBeDefined();
      expect(comment.day).toBeGreaterThanOrEqual(0);
      expect(comment.day).toBeLessThanOrEqual(27);
      expect(comment.hour).toBeGreaterThanOrEqual(7);
      expect(comment.hour).toBeLessThanOrEqual(23);
      expect(comment.text.trim()).not.toBe('');
      // Reactions come from the other personas.
      const reactions = (comment.agree ?? 0) + (comment.disagree ?? 0);
      expect(reactions).toBeLessThanOrEqual(personas.length - 1);
    }
  });

  it('uses the facilitator sparingly', () => {
    const byFacilitator = entries.filter(({ comment }) => comment.author === 0).length;
    expect(byFacilitator).toBeGreaterThan(0);
    expect(byFacilitator / entries.length).toBeLessThan(0.12);
  });

  it('never has a reply earlier than its parent', () => {
    for (const { comment, parent } of entries) {
      if (!parent) continue;
      expect(comment.day * 24 + comment.hour).toBeGreaterThanOrEqual(parent.day * 24 + parent.hour);
    }
  });

  it('is mostly Bulgarian, with some English and some Bulgarian typed in Latin letters', () => {
    let cyrillic = 0;
    let english = 0;
    let latinBulgarian = 0;
    for (const { comment } of entries) {
      const language = detectLanguage(comment.text);
      expect(language).not.toBe('other');
      if (hasCyrillic(comment.text)) {
        expect(language).toBe('bg');
        cyrillic++;
      } else if (language === 'bg') {
        expect(isLatinBulgarian(comment.text)).toBe(true);
        latinBulgarian++;
      } else {
        english++;
      }
    }

    const share = (count: number): number => count / entries.length;
    expect(share(cyrillic)).toBeGreaterThan(0.65);
    expect(share(cyrillic)).toBeLessThan(0.85);
    expect(share(english)).toBeGreaterThan(0.1);
    expect(share(english)).toBeLessThan(0.2);
    expect(share(latinBulgarian)).toBeGreaterThan(0.06);
    expect(share(latinBulgarian)).toBeLessThan(0.15);
  });
});
