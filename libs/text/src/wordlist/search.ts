import { Script } from './alphabet';
import { type CompiledEntry, SHORT_ENTRY } from './compile';
import { BULGARIAN_ENDINGS, LATIN_ENDINGS } from './endings';
import { type Terminal, type TrieNode } from './trie';
import { type NearMissReason } from './types';
import { type Units } from './units';

export const enum Trait {
  Repeats = 1,
  Symbols = 2,
  Latin = 4,
  Cyrillic = 8,
  Spacing = 16,
  Inflection = 32,
  Greek = 64,
}

export interface Found {
  entry: number;
  startUnit: number;
  end: number;
  form: string;
  traits: number;
}

export interface Refused {
  entry: number;
  startUnit: number;
  end: number;
  reason: NearMissReason;
}

// A walk branches on every unit with several readings ("1" is и, й or л). Real words stay far
// below this; it only stops a crafted run of ambiguous characters from costing more per start.
const VISITS_PER_START = 2_000;
// Spaced-out letters may be split by up to this many separators ("и . д . и").
const MAX_GAP = 3;

const TRAIT_OF_SCRIPT: Record<Script, number> = {
  [Script.Other]: 0,
  [Script.Latin]: Trait.Latin,
  [Script.Cyrillic]: Trait.Cyrillic,
  [Script.Symbol]: Trait.Symbols,
  [Script.Greek]: Trait.Greek,
};

/** One pass of a compiled list over one text; collects matches and, when asked, refusals. */
export class Search {
  readonly found: Found[] = [];
  readonly refused: Refused[] = [];
  private visits = 0;
  private start = 0;
  private isInner = false;

  constructor(
    private readonly units: Units,
    private readonly entries: readonly CompiledEntry[],
    private readonly isExplaining: boolean,
  ) {}

  /** Walks from the first unit of every word, and from inside words when `innerRoot` is given. */
  run(root: TrieNode, innerRoot: TrieNode | null): void {
    const { units } = this;
    for (let unit = 0; unit < units.count; unit += 1) {
      const tokenEnd = units.tokenEnd[unit];
      if (tokenEnd < 0) continue;

      const isWordStart = units.tokenStart[unit] === unit;
      const from = isWordStart ? root : innerRoot;
      if (from === null) continue;

      this.start = unit;
      this.visits = 0;
      this.isInner = !isWordStart;
      this.walk(from, unit, tokenEnd, '', 0, '');
      if (isWordStart && tokenEnd === unit + 1) this.spaced(root, unit, '', 0, '', 0);
    }
  }

  private walk(
    node: TrieNode,
    unit: number,
    tokenEnd: number,
    lastKey: string,
    traits: number,
    form: string,
  ): void {
    this.visits += 1;
    if (this.visits > VISITS_PER_START) return;
    if (node.terminals.length > 0) this.settle(node, unit, tokenEnd, lastKey, traits, form);

    const { units } = this;
    if (unit === tokenEnd) {
      this.crossSpace(node, unit, traits, form);

      return;
    }

    const keys = units.keys[unit];
    const unitTraits = traits | TRAIT_OF_SCRIPT[units.script[unit]];
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index];
      // A repeated letter ("идиоооот") stays on the same node; a doubled one in the entry moves on.
      if (key === lastKey) {
        this.walk(node, unit + 1, tokenEnd, key, unitTraits | Trait.Repeats, form);
      }

      const child = node.children.get(key);
      if (child !== undefined) this.walk(child, unit + 1, tokenEnd, key, unitTraits, form + key);
    }

    const clusters = units.clusters[unit];
    if (clusters === null) return;

    for (const step of clusters) {
      const child = node.find(step.keys);
      if (child === undefined) continue;

      const clusterTraits = unitTraits | this.traitsOf(unit + 1, step.next);
      const last = step.keys[step.keys.length - 1];
      this.walk(child, step.next, tokenEnd, last, clusterTraits, form + step.keys);
    }
  }

  private traitsOf(from: number, to: number): number {
    let traits = 0;
    for (let unit = from; unit < to; unit += 1) traits |= TRAIT_OF_SCRIPT[this.units.script[unit]];

    return traits;
  }

  /** The words of a phrase: any run of separators in the text reads as one space. */
  private crossSpace(node: TrieNode, unit: number, traits: number, form: string): void {
    const space = node.children.get(' ');
    if (space === undefined) return;

    const { units } = this;
    let next = unit;
    while (next < units.count && units.readings[next] === null) next += 1;
    if (next === unit || next >= units.count) return;

    this.walk(space, next, units.tokenEnd[next], ' ', traits, form + ' ');
  }

  /** Letters typed one by one between separators: "и д и о т", "i-d-i-o-t", "и.д.и.о.т". */
  private spaced(
    node: TrieNode,
    unit: number,
    lastKey: string,
    traits: number,
    form: string,
    letters: number,
  ): void {
    this.visits += 1;
    if (this.visits > VISITS_PER_START) return;

    const { units } = this;
    const unitTraits = traits | TRAIT_OF_SCRIPT[units.script[unit]];
    for (const key of units.keys[unit]) {
      if (key === lastKey) {
        this.afterSpacedLetter(node, unit, key, unitTraits | Trait.Repeats, form, letters + 1);
      }

      const child = node.children.get(key);
      if (child !== undefined) {
        this.afterSpacedLetter(child, unit, key, unitTraits, form + key, letters + 1);
      }
    }
  }

  private afterSpacedLetter(
    node: TrieNode,
    unit: number,
    key: string,
    traits: number,
    form: string,
    letters: number,
  ): void {
    const { units } = this;
    if (letters >= SHORT_ENTRY && traits & Trait.Spacing) {
      for (const terminal of node.terminals) {
        const entry = this.entries[terminal.entry];
        if (terminal.requiresEnding || entry.keys.includes(' ')) continue;

        this.record(terminal.entry, units.end[unit], form, traits);
      }
    }

    let next = unit + 1;
    while (next < units.count && next - unit <= MAX_GAP && units.readings[next] === null) {
      if (units.isBreak[next]) return;
      next += 1;
    }

    const isSingleLetter = next < units.count && units.tokenEnd[next] === next + 1;
    if (next === unit + 1 || !isSingleLetter || node.children.size === 0) return;

    this.spaced(node, next, key, traits | Trait.Spacing, form, letters);
  }

  /** Decides, at the end of an entry's keys, whether the rules let it match here. */
  private settle(
    node: TrieNode,
    unit: number,
    tokenEnd: number,
    lastKey: string,
    traits: number,
    form: string,
  ): void {
    const end = this.units.end[unit - 1];
    for (const terminal of node.terminals) {
      const entry = this.entries[terminal.entry];
      if (!entry.wholeWord) {
        if (!terminal.requiresEnding) this.record(terminal.entry, end, form, traits);
        continue;
      }

      if (this.isInner) {
        if (terminal.isExact) this.refuse(terminal.entry, end, 'not-a-whole-word');
        continue;
      }

      if (unit === tokenEnd) {
        if (!terminal.requiresEnding) this.record(terminal.entry, end, form, traits);
        continue;
      }

      this.settleEnding(terminal, unit, tokenEnd, lastKey, traits, form);
    }
  }

  private settleEnding(
    terminal: Terminal,
    unit: number,
    tokenEnd: number,
    lastKey: string,
    traits: number,
    form: string,
  ): void {
    const wordEnd = this.units.end[tokenEnd - 1];
    if (terminal.endings === null) {
      const isShort = this.entries[terminal.entry].isShort;
      const reason = isShort ? 'not-a-whole-word' : 'inflections-off';
      if (terminal.isExact) this.refuse(terminal.entry, wordEnd, reason);

      return;
    }

    const endingTraits = this.traitsOf(unit, tokenEnd) | Trait.Inflection;
    let ending = this.ending(terminal.endings, unit, tokenEnd, lastKey);
    // English endings follow a Cyrillic entry only when typed in Latin letters ("idiots"), so
    // that "лайно" does not reach "лайнер".
    if (
      ending === null &&
      terminal.endings === BULGARIAN_ENDINGS &&
      !(endingTraits & Trait.Cyrillic)
    ) {
      ending = this.ending(LATIN_ENDINGS, unit, tokenEnd, lastKey);
    }

    if (ending === null) {
      if (terminal.isExact) this.refuse(terminal.entry, wordEnd, 'not-an-inflection');

      return;
    }

    this.record(terminal.entry, wordEnd, form + ending, traits | endingTraits);
  }

  /** The keys of an allowed ending that runs exactly to the end of the word, or null. */
  private ending(node: TrieNode, unit: number, tokenEnd: number, lastKey: string): string | null {
    if (unit === tokenEnd) return node.terminals.length > 0 ? '' : null;

    this.visits += 1;
    if (this.visits > VISITS_PER_START) return null;

    const keys = this.units.keys[unit];
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index];
      if (key === lastKey) {
        const rest = this.ending(node, unit + 1, tokenEnd, key);
        if (rest !== null) return rest;
      }

      const child = node.children.get(key);
      const rest = child === undefined ? null : this.ending(child, unit + 1, tokenEnd, key);
      if (rest !== null) return key + rest;
    }

    for (const step of this.units.clusters[unit] ?? []) {
      const child = node.find(step.keys);
      const last = step.keys[step.keys.length - 1];
      const rest = child === undefined ? null : this.ending(child, step.next, tokenEnd, last);
      if (rest !== null) return step.keys + rest;
    }

    return null;
  }

  private record(entry: number, end: number, form: string, traits: number): void {
    this.found.push({ entry, startUnit: this.start, end, form, traits });
  }

  private refuse(entry: number, end: number, reason: NearMissReason): void {
    if (this.isExplaining) this.refused.push({ entry, startUnit: this.start, end, reason });
  }
}
