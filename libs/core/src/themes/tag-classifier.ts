import { termsOf } from '@razgovor/themes';

export interface TaggedText {
  id: string;
  body: string;
  tagIds: string[];
}

export interface TagGuess {
  commentId: string;
  tagId: string;
  confidence: number;
}

/** Fewer hand-tagged examples than this and a tag gets no suggestions: too little to go on. */
export const minimumExamples = 3;
export const minimumConfidence = 0.6;

type Vector = Map<string, number>;

/** Unit-length tf-idf vectors of the texts over their terms, idf taken from all of them. */
function vectorize(documents: string[][]): Vector[] {
  const frequency = new Map<string, number>();
  for (const words of documents) {
    for (const word of new Set(words)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }

  return documents.map((words) => {
    const vector: Vector = new Map();
    for (const word of words) vector.set(word, (vector.get(word) ?? 0) + 1);
    let norm = 0;
    for (const [word, count] of vector) {
      const weight = (1 + Math.log(count)) * Math.log(documents.length / frequency.get(word)!);
      vector.set(word, weight);
      norm += weight * weight;
    }

    for (const [word, weight] of vector) vector.set(word, weight / (Math.sqrt(norm) || 1));

    return vector;
  });
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [word, weight] of small) sum += weight * (large.get(word) ?? 0);

  return sum;
}

/** Neighbours consulted for each untagged comment. */
const neighbourCount = 7;

/**
 * Nearest neighbours over the tf-idf of the terms the themes use, so Bulgarian and English meet:
 * an untagged comment gets a tag when the hand-tagged comments most like it carry it; the
 * confidence is their similarity-weighted share. A person accepts or rejects each suggestion.
 */
export function suggestTags(texts: TaggedText[], tagIds: string[]): TagGuess[] {
  const vectors = vectorize(termsOf(texts.map((text) => text.body)));
  const tagged = texts
    .map((text, i) => ({ text, vector: vectors[i] }))
    .filter((item) => item.text.tagIds.length > 0);
  const examples = new Map(
    tagIds.map((tagId) => [
      tagId,
      tagged.filter((item) => item.text.tagIds.includes(tagId)).length,
    ]),
  );
  const learnable = tagIds.filter((tagId) => examples.get(tagId)! >= minimumExamples);
  const guesses: TagGuess[] = [];
  if (learnable.length === 0) return guesses;

  texts.forEach((text, i) => {
    if (text.tagIds.length > 0) return;
    const neighbours = tagged
      .map((item) => ({ tagIds: item.text.tagIds, similarity: cosine(vectors[i], item.vector) }))
      .filter((item) => item.similarity > 0)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, neighbourCount);
    const total = neighbours.reduce((sum, item) => sum + item.similarity, 0);
    if (total === 0) return;
    for (const tagId of learnable) {
      const share = neighbours
        .filter((item) => item.tagIds.includes(tagId))
        .reduce((sum, item) => sum + item.similarity, 0);
      const confidence = share / total;
      if (confidence >= minimumConfidence) guesses.push({ commentId: text.id, tagId, confidence });
    }
  });

  return guesses;
}
