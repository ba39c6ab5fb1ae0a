import type { WordListActionName } from '@razgovor/contracts';

export interface ContentMatch {
  entryId: string;
  action: WordListActionName;
  start: number;
  end: number;
  text: string;
}

export interface ContentVerdict {
  /** Strongest action among the matches (block > hold > flag), or null. */
  action: WordListActionName | null;
  matches: ContentMatch[];
}

/** Runs a conversation's word list over a text; implemented by the compiled-list cache. */
export abstract class ContentCheck {
  abstract check(conversationId: string, text: string): Promise<ContentVerdict>;
}

/** Used until a conversation's word list can be compiled: nothing matches. */
export class NoContentCheck extends ContentCheck {
  check(): Promise<ContentVerdict> {
    return Promise.resolve({ action: null, matches: [] });
  }
}
