import { CLUSTERS, isIgnorable, keysOf, readCharacter, Script, withLookalike } from './alphabet';

/**
 * A text cut into units: one unit per visible character, with its offsets in the original string
 * (combining marks, zero-width and control characters are folded into the unit before them, so a
 * highlight covers them too). Words ("tokens") are runs of units that have readings.
 */
export interface Units {
  count: number;
  start: number[];
  end: number[];
  /** Readings of each unit (see alphabet.ts); null for separators. */
  readings: Array<string | null>;
  script: Script[];
  /** For a unit in a word: index just past the word's last unit; -1 for separators. */
  tokenEnd: number[];
  /** For a unit in a word: index of the word's first unit. */
  tokenStart: number[];
  /** Whether a separator unit is a line break (spaced-out letters do not run across lines). */
  isBreak: boolean[];
  /** Single-unit keys of each unit ("" for separators), worked out once per text. */
  keys: string[];
  /** Multi-unit readings that start at each unit ("sh" -> ш), or null when there are none. */
  clusters: Array<ClusterStep[] | null>;
}

export interface ClusterStep {
  keys: string;
  /** Index of the unit after the cluster. */
  next: number;
}

// "!" and "|" are letters only inside a word ("id!ot"); at its end they are punctuation.
const LETTER_ONLY_INSIDE = new Set(['!', '|']);

/** Cuts a text into units and words; the text is only read, never normalised in place. */
export function toUnits(text: string): Units {
  const units: Units = {
    count: 0,
    start: [],
    end: [],
    readings: [],
    script: [],
    tokenEnd: [],
    tokenStart: [],
    isBreak: [],
    keys: [],
    clusters: [],
  };
  let index = 0;
  while (index < text.length) {
    const code = text.codePointAt(index) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const char = width === 1 ? text[index] : text.slice(index, index + 2);
    if (isIgnorable(code, char) && units.count > 0) {
      units.end[units.count - 1] = index + width;
      index += width;
      continue;
    }

    const lower = lowerCase(char, code);
    const [reading, script] = readCharacter(lower, lower.charCodeAt(0));
    const isPunctuation = LETTER_ONLY_INSIDE.has(char) && !isWordAhead(text, index + 1);
    const readings = isPunctuation ? null : reading;

    units.start.push(index);
    units.end.push(index + width);
    units.readings.push(readings);
    units.script.push(script);
    units.isBreak.push(code === 0x0a || code === 0x0d);
    units.count += 1;
    index += width;
  }

  markTokens(units);
  for (let unit = 0; unit < units.count; unit += 1) {
    const readings = units.readings[unit];
    units.keys.push(readings === null ? '' : keysOf(readings));
    units.clusters.push(readings === null ? null : clusterSteps(units, unit, readings));
  }

  return units;
}

function lowerCase(char: string, code: number): string {
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 0x20);
  if (code >= 0x410 && code <= 0x42f) return String.fromCharCode(code + 0x20);
  if (code < 0x80 || (code >= 0x430 && code <= 0x44f)) return char;

  return char.toLowerCase();
}

function isWordAhead(text: string, index: number): boolean {
  const char = text[index] ?? '';
  if (char === '') return false;
  const [readings] = readCharacter(char.toLowerCase(), char.toLowerCase().charCodeAt(0));

  return readings !== null;
}

function markTokens(units: Units): void {
  let index = 0;
  while (index < units.count) {
    if (units.readings[index] === null) {
      units.tokenEnd.push(-1);
      units.tokenStart.push(-1);
      index += 1;
      continue;
    }

    const first = index;
    let hasLatin = false;
    let hasCyrillic = false;
    while (index < units.count && units.readings[index] !== null) {
      if (units.script[index] === Script.Latin) hasLatin = true;
      else if (units.script[index] === Script.Cyrillic) hasCyrillic = true;
      index += 1;
    }

    for (let unit = first; unit < index; unit += 1) {
      units.tokenStart.push(first);
      units.tokenEnd.push(index);
      const readings = units.readings[unit];
      if (hasLatin && hasCyrillic && readings !== null) {
        units.readings[unit] = withLookalike(readings, units.script[unit]);
      }
    }
  }
}

function clusterSteps(units: Units, unit: number, readings: string): ClusterStep[] | null {
  let steps: ClusterStep[] | null = null;
  const tokenEnd = units.tokenEnd[unit];
  for (const reading of readings) {
    for (const cluster of CLUSTERS.get(reading) ?? []) {
      const next = afterCluster(units, cluster.letters, unit, tokenEnd);
      if (next < 0) continue;

      steps ??= [];
      for (const keys of cluster.keys) steps.push({ keys, next });
    }
  }

  return steps;
}

/** Index after a cluster's letters starting at `unit`, or -1 when the next units differ. */
function afterCluster(units: Units, letters: string, unit: number, tokenEnd: number): number {
  if (letters.length === 1) return unit + 1;
  if (unit + letters.length > tokenEnd) return -1;
  for (let offset = 1; offset < letters.length; offset += 1) {
    const readings = units.readings[unit + offset] ?? '';
    if (!readings.includes(letters[offset])) return -1;
  }

  return unit + letters.length;
}
