export type WordListAction = 'block' | 'hold' | 'flag';

/** One line of a conversation's word list, as a facilitator typed it. */
export interface WordListEntry {
  id: string;
  /** A word or a short phrase, in Cyrillic or in Latin letters. */
  pattern: string;
  action: WordListAction;
  /** Also match inflected forms ("идиоти", "idiots"); default true, ignored for short entries. */
  matchInflections?: boolean;
  /** Only match whole words; default true, always true for entries of three letters or fewer. */
  wholeWord?: boolean;
}

/** How a match got past a plain comparison, so the tester can say why an entry fired. */
export type Evasion =
  'transliteration' | 'homoglyphs' | 'symbols' | 'repeats' | 'spacing' | 'inflection';

export interface WordListMatch {
  entryId: string;
  action: WordListAction;
  pattern: string;
  /** UTF-16 offsets into the text as given, end exclusive: `text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** The matched text read in the matcher's alphabet (lower-case Cyrillic), e.g. "идиоти". */
  normalized: string;
  via: Evasion[];
}

export interface WordListResult {
  /** Strongest action of all matches (block > hold > flag), or null when nothing matched. */
  action: WordListAction | null;
  matches: WordListMatch[];
}

export type NearMissReason = 'not-a-whole-word' | 'not-an-inflection' | 'inflections-off';

/** An entry that reached the end of its pattern but was refused by a rule, and which rule. */
export interface NearMiss {
  entryId: string;
  pattern: string;
  start: number;
  end: number;
  text: string;
  reason: NearMissReason;
}

export interface WordListExplanation extends WordListResult {
  /** Each word of the text as the matcher reads it by default ("1d10t" -> "идиот"). */
  reading: string;
  nearMisses: NearMiss[];
}

export interface SkippedEntry {
  id: string;
  reason: 'empty-pattern' | 'duplicate-id';
}

export interface Matcher {
  /** Number of entries in use. */
  readonly size: number;
  /** Entries left out at compile time, with the reason, so the list editor can show them. */
  readonly skipped: readonly SkippedEntry[];
  match(text: string): WordListResult;
  /** Like `match`, plus the reading of the text and the rules that stopped close matches. */
  explain(text: string): WordListExplanation;
}
