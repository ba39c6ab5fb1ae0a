import { foldHomoglyphs } from '../normalize';
import { canonicalWord, Script } from './alphabet';
import { BULGARIAN_ENDINGS, LATIN_ENDINGS, PALATAL_ENDINGS } from './endings';
import { TrieNode } from './trie';
import { type SkippedEntry, type WordListAction, type WordListEntry } from './types';
import { toUnits, type Units } from './units';

// Entries of this many letters or fewer match whole words only and never inflect: "кур" must
// not fire inside "курс", nor "ass" inside "assessment".
export const SHORT_ENTRY = 3;
// A stem shorter than this would reach too many unrelated words once endings are added to it.
const MIN_STEM = 4;
const VOWEL_KEYS = 'аеиоуъюяй';

export interface CompiledEntry {
  id: string;
  pattern: string;
  action: WordListAction;
  wholeWord: boolean;
  inflects: boolean;
  /** Script the pattern was typed in, to tell a transliterated match from a plain one. */
  script: Script;
  /** Canonical keys, words separated by one space. */
  keys: string;
  letters: number;
  isShort: boolean;
}

export interface CompiledList {
  entries: CompiledEntry[];
  /** Every entry; walked from the first unit of each word. */
  root: TrieNode;
  /** Entries with wholeWord: false only; walked from inside words too. */
  innerRoot: TrieNode | null;
  skipped: SkippedEntry[];
}

export function compileEntries(list: readonly WordListEntry[]): CompiledList {
  const entries: CompiledEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const ids = new Set<string>();
  const root = new TrieNode();
  let innerRoot: TrieNode | null = null;
  for (const entry of list) {
    if (ids.has(entry.id)) {
      skipped.push({ id: entry.id, reason: 'duplicate-id' });
      continue;
    }

    const compiled = compileEntry(entry);
    if (compiled === null) {
      skipped.push({ id: entry.id, reason: 'empty-pattern' });
      continue;
    }

    ids.add(entry.id);
    const index = entries.push(compiled) - 1;
    addVariants(root, compiled, index);
    if (!compiled.wholeWord) {
      innerRoot ??= new TrieNode();
      addVariants(innerRoot, compiled, index);
    }
  }

  return { entries, root, innerRoot, skipped };
}

function compileEntry(entry: WordListEntry): CompiledEntry | null {
  // A facilitator's own "пaрк" with a Latin "a" means the Cyrillic word.
  const pattern = entry.pattern.replace(/[\p{L}\p{M}\p{N}]+/gu, foldHomoglyphs);
  const units = toUnits(pattern);
  const keys = canonicalKeys(units);
  if (keys === '') return null;

  // Counted as typed: "fuck" is four letters even though "ck" reads as one key.
  const letters = units.readings.filter((readings) => readings !== null).length;
  const isShort = letters <= SHORT_ENTRY;

  return {
    id: entry.id,
    pattern: entry.pattern,
    action: entry.action,
    wholeWord: isShort || entry.wholeWord !== false,
    inflects: !isShort && entry.matchInflections !== false,
    script: scriptOf(pattern),
    keys,
    letters,
    isShort,
  };
}

/** The default reading of every word of a text, words separated by one space. */
export function canonicalKeys(units: Units): string {
  const words: string[] = [];
  let index = 0;
  while (index < units.count) {
    const end = units.tokenEnd[index];
    if (end < 0) {
      index += 1;
      continue;
    }

    let letters = '';
    for (let unit = index; unit < end; unit += 1) letters += (units.readings[unit] ?? '')[0];
    words.push(canonicalWord(letters));
    index = end;
  }

  return words.join(' ');
}

function scriptOf(pattern: string): Script {
  if (/\p{Script=Cyrillic}/u.test(pattern)) return Script.Cyrillic;

  return /[A-Za-z]/u.test(pattern) ? Script.Latin : Script.Other;
}

function addVariants(root: TrieNode, entry: CompiledEntry, index: number): void {
  const inflects = entry.inflects && entry.wholeWord;
  const endings = entry.script === Script.Cyrillic ? BULGARIAN_ENDINGS : LATIN_ENDINGS;
  root.add(entry.keys).terminals.push({
    entry: index,
    endings: inflects ? endings : null,
    requiresEnding: false,
    isExact: true,
  });
  if (!inflects) return;

  const lastWord = entry.keys.slice(entry.keys.lastIndexOf(' ') + 1);
  if (lastWord.length - 1 < MIN_STEM) return;

  const last = lastWord[lastWord.length - 1];
  const stem = entry.keys.slice(0, -1);
  const palatal = PALATAL_ENDINGS[last];
  if (VOWEL_KEYS.includes(last) || palatal !== undefined) {
    root.add(stem).terminals.push({
      entry: index,
      endings: palatal ?? endings,
      requiresEnding: true,
      isExact: false,
    });
  }
}
