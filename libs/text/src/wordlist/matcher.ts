import { Script } from './alphabet';
import { canonicalKeys, type CompiledEntry, compileEntries, type CompiledList } from './compile';
import { type Found, type Refused, Search, Trait } from './search';
import {
  type Evasion,
  type Matcher,
  type NearMiss,
  type WordListAction,
  type WordListEntry,
  type WordListExplanation,
  type WordListMatch,
  type WordListResult,
} from './types';
import { toUnits, type Units } from './units';

const STRENGTH: Record<WordListAction, number> = { flag: 1, hold: 2, block: 3 };

/**
 * Compiles a word list once into a matcher: every entry's canonical keys (and stem variants for
 * inflections) go into one trie, which each comment walks from the start of each of its words.
 * Compile once per list version; the matcher holds no state between calls.
 */
export function compileWordList(entries: readonly WordListEntry[]): Matcher {
  const list = compileEntries(entries);

  return {
    size: list.entries.length,
    skipped: list.skipped,
    match: (text) => match(list, text),
    explain: (text) => explain(list, text),
  };
}

/** The stronger of two actions; null means none. */
export function strongerAction(
  left: WordListAction | null,
  right: WordListAction | null,
): WordListAction | null {
  if (left === null) return right;
  if (right === null) return left;

  return STRENGTH[right] > STRENGTH[left] ? right : left;
}

function match(list: CompiledList, text: string): WordListResult {
  if (list.entries.length === 0 || text === '') return { action: null, matches: [] };

  const units = toUnits(text);
  const search = new Search(units, list.entries, false);
  search.run(list.root, list.innerRoot);

  return toResult(list.entries, units, text, search.found);
}

function explain(list: CompiledList, text: string): WordListExplanation {
  const units = toUnits(text);
  const search = new Search(units, list.entries, true);
  // Walking every entry from inside words too finds the "Scunthorpe" near misses to show.
  search.run(list.root, list.root);
  const result = toResult(list.entries, units, text, search.found);

  return {
    ...result,
    reading: canonicalKeys(units),
    nearMisses: toNearMisses(list.entries, units, text, search.refused, result.matches),
  };
}

function toResult(
  entries: readonly CompiledEntry[],
  units: Units,
  text: string,
  found: readonly Found[],
): WordListResult {
  // Several readings can reach the same entry from the same start; keep the longest span.
  const best = new Map<string, Found>();
  for (const item of found) {
    const key = `${item.entry}:${item.startUnit}`;
    const previous = best.get(key);
    if (previous === undefined || item.end > previous.end) best.set(key, item);
  }

  const matches = [...best.values()]
    .sort((left, right) => left.startUnit - right.startUnit || left.entry - right.entry)
    .map((item) => toMatch(entries[item.entry], units, text, item));
  let action: WordListAction | null = null;
  for (const item of matches) action = strongerAction(action, item.action);

  return { action, matches };
}

function toMatch(entry: CompiledEntry, units: Units, text: string, found: Found): WordListMatch {
  const start = units.start[found.startUnit];

  return {
    entryId: entry.id,
    action: entry.action,
    pattern: entry.pattern,
    start,
    end: found.end,
    text: text.slice(start, found.end),
    normalized: found.form,
    via: evasions(entry, found.traits),
  };
}

function evasions(entry: CompiledEntry, traits: number): Evasion[] {
  const via: Evasion[] = [];
  const hasLatin = (traits & Trait.Latin) !== 0;
  const hasCyrillic = (traits & Trait.Cyrillic) !== 0;
  const isOtherScript =
    (entry.script === Script.Cyrillic && hasLatin && !hasCyrillic) ||
    (entry.script === Script.Latin && hasCyrillic && !hasLatin);
  if (isOtherScript) via.push('transliteration');
  if ((hasLatin && hasCyrillic) || (traits & Trait.Greek) !== 0) via.push('homoglyphs');
  if (traits & Trait.Symbols) via.push('symbols');
  if (traits & Trait.Repeats) via.push('repeats');
  if (traits & Trait.Spacing) via.push('spacing');
  if (traits & Trait.Inflection) via.push('inflection');

  return via;
}

function toNearMisses(
  entries: readonly CompiledEntry[],
  units: Units,
  text: string,
  refused: readonly Refused[],
  matches: readonly WordListMatch[],
): NearMiss[] {
  const seen = new Set<string>();
  const nearMisses: NearMiss[] = [];
  for (const item of refused) {
    const entry = entries[item.entry];
    const start = units.start[item.startUnit];
    const isMatched = matches.some(
      (found) => found.entryId === entry.id && found.start <= start && start < found.end,
    );
    const key = `${item.entry}:${start}:${item.reason}`;
    if (isMatched || seen.has(key)) continue;

    seen.add(key);
    nearMisses.push({
      entryId: entry.id,
      pattern: entry.pattern,
      start,
      end: item.end,
      text: text.slice(start, item.end),
      reason: item.reason,
    });
  }

  return nearMisses;
}
