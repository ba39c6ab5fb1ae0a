import { createRandom } from '../random';

// Three subjects whose words never overlap, so any sound method must separate them.
const SUBJECTS: Record<string, string[]> = {
  parks: ['park', 'trees', 'benches', 'grass', 'flowers', 'shade', 'fountain', 'garden'],
  transport: ['bus', 'tram', 'ticket', 'timetable', 'stop', 'metro', 'line', 'driver'],
  waste: ['garbage', 'bins', 'recycling', 'litter', 'containers', 'collection', 'compost', 'dump'],
};

export interface LabelledText {
  text: string;
  label: string;
}

/** Short comments of five words from one subject each, in a shuffled but seeded order. */
export function separatedCorpus(perSubject: number, seed = 7): LabelledText[] {
  const random = createRandom(seed);
  const items: LabelledText[] = [];
  for (const [label, words] of Object.entries(SUBJECTS)) {
    for (let i = 0; i < perSubject; i++) {
      const picked = Array.from({ length: 5 }, () => words[Math.floor(random() * words.length)]);
      items.push({ label, text: `${picked.join(' ')} please` });
    }
  }

  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }

  return items;
}

const CONSONANTS = 'bdfgklmnprstvz';

/** A made-up word of its own for every group and index, so groups share no vocabulary. */
function madeUpWord(group: number, index: number): string {
  const at = (i: number) => CONSONANTS[i % CONSONANTS.length];

  return `${at(group)}a${at(index)}o${at(group + index + 3)}en`;
}

/** Comments of six words drawn from one of `groups` disjoint vocabularies of ten words each. */
export function groupedCorpus(groups: number, perGroup: number, seed = 5): LabelledText[] {
  const random = createRandom(seed);
  const items: LabelledText[] = [];
  for (let group = 0; group < groups; group++) {
    for (let i = 0; i < perGroup; i++) {
      const words = Array.from({ length: 6 }, () => madeUpWord(group, Math.floor(random() * 10)));
      items.push({ label: `group ${group}`, text: words.join(' ') });
    }
  }

  return items;
}
