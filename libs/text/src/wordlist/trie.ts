/** A node of a trie over keys: lower-case Cyrillic letters, and " " between phrase words. */
export class TrieNode {
  readonly children = new Map<string, TrieNode>();
  readonly terminals: Terminal[] = [];

  /** The node for `keys` (never empty) below this one, created on the way. */
  add(keys: string): TrieNode {
    let node = this.child(keys[0]);
    for (const key of keys.slice(1)) node = node.child(key);

    return node;
  }

  private child(key: string): TrieNode {
    let child = this.children.get(key);
    if (child === undefined) {
      child = new TrieNode();
      this.children.set(key, child);
    }

    return child;
  }

  /** The node for `keys` below this one, or undefined. */
  find(keys: string): TrieNode | undefined {
    let node = this.children.get(keys[0]);
    for (let index = 1; index < keys.length && node !== undefined; index += 1) {
      node = node.children.get(keys[index]);
    }

    return node;
  }
}

/** Where an entry ends in the trie, and what may follow it inside the same word. */
export interface Terminal {
  entry: number;
  /** Inflectional endings allowed after this point, or null for none. */
  endings: TrieNode | null;
  /** A stem variant ("курв" of "курва") only counts with an ending after it. */
  requiresEnding: boolean;
  /** The entry as written (not a stem variant): the one a facilitator recognises in a near miss. */
  isExact: boolean;
}

export function endingTrie(endings: string): TrieNode {
  const root = new TrieNode();
  for (const ending of endings.trim().split(/\s+/u)) {
    root
      .add(ending)
      .terminals.push({ entry: -1, endings: null, requiresEnding: false, isExact: true });
  }

  return root;
}
